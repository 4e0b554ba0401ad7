package com.authlete.toolkit.cli.builtin;

import com.authlete.toolkit.cli.CliException;
import com.authlete.toolkit.cli.Durations;
import com.authlete.toolkit.cli.ExitCode;
import com.authlete.toolkit.cli.NetworkOptions;
import com.authlete.toolkit.cli.TransportSetup;
import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.credentials.CredentialStore;
import com.authlete.toolkit.credentials.CredentialsException;
import com.authlete.toolkit.credentials.Settings;
import com.authlete.toolkit.credentials.Tokens;
import com.authlete.toolkit.credentials.oauth.ClientAuthentication;
import com.authlete.toolkit.credentials.oauth.ClientSecret;
import com.authlete.toolkit.credentials.oauth.DeviceFlow;
import com.authlete.toolkit.credentials.oauth.OAuthLogins;
import com.authlete.toolkit.credentials.oauth.ServerMetadata;
import com.authlete.toolkit.credentials.oauth.TokenRenewal;
import com.authlete.toolkit.render.TerminalSafe;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * {@code auth login} with OAuth: the flags turned into an {@link OAuthLogins.Request} (the client secret read from
 * where they say), the library's login run with its prompts on standard error, the outcome reported.
 */
final class OAuthLogin {

    private final OAuthLoginOptions options;
    private final CommandContext context;
    private final NetworkOptions network;

    OAuthLogin(OAuthLoginOptions options, CommandContext context, NetworkOptions network) {
        this.network = network;
        this.options = options;
        this.context = context;
    }

    void run(Settings settings) throws CliException, CredentialsException, AuthleteException {
        OAuthLogins.Request request = request();
        OAuthLogins logins = new OAuthLogins(
                TransportSetup.oauth(network, context.environment(), context.version(), context.err()),
                Clock.systemUTC());
        OAuthLogins.Result result;
        try {
            result = logins.login(
                    request,
                    CredentialStore.of(settings, context.environment()),
                    settings.profile(),
                    new TerminalPrompts());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.ERROR, "login interrupted; nothing was stored");
        }
        result.stored().warning().ifPresent(warning -> context.err().println("warning: " + warning));
        if (!result.secretKept()) {
            context.err()
                    .println(
                            "warning: no keychain for the client secret, so it was not kept; renewing the token later needs "
                                    + TokenRenewal.CLIENT_SECRET_ENV + " or a login with --client-secret-file");
        }
        context.err()
                .println("Logged in: profile " + settings.profile() + ", "
                        + request.grant().grantType() + " login of client "
                        + request.clientId() + " at " + result.server().issuer() + "; access token "
                        + Tokens.mask(result.response().accessToken())
                        + (result.grant().expiresAt() == null
                                ? ""
                                : " (expires " + result.grant().expiresAt().truncatedTo(ChronoUnit.SECONDS) + ")")
                        + (result.response().refreshToken() != null ? ", refresh token kept" : "")
                        + "; stored in " + result.stored().where());
    }

    /** The flags as a request; everything wrong with them is refused before anything is sent. */
    private OAuthLogins.Request request() throws CliException {
        if ((options.device ? 1 : 0) + (options.browser ? 1 : 0) + (options.clientCredentials ? 1 : 0) > 1) {
            throw CliException.usage("choose one of --device, --browser and --client-credentials");
        }
        if (options.issuer == null || options.clientId == null) {
            throw CliException.usage("an OAuth login needs --issuer URL and --client-id ID");
        }
        Duration wait = options.wait == null ? null : waitFor(options.wait);
        OAuthLogins.Grant grant = options.device
                ? OAuthLogins.Grant.DEVICE
                : options.browser ? OAuthLogins.Grant.BROWSER : OAuthLogins.Grant.CLIENT_CREDENTIALS;
        if (grant != OAuthLogins.Grant.CLIENT_CREDENTIALS && options.clientAuth != null) {
            throw CliException.usage("--client-auth applies to --client-credentials only");
        }
        ClientAuthentication.Method method = null;
        ClientSecret secret = null;
        if (grant == OAuthLogins.Grant.CLIENT_CREDENTIALS) {
            try {
                method = options.clientAuth == null ? null : ClientAuthentication.Method.parse(options.clientAuth);
            } catch (IllegalArgumentException e) {
                throw CliException.usage("--client-auth: " + e.getMessage());
            }
            if (method == ClientAuthentication.Method.NONE) {
                throw CliException.usage("--client-auth none sends no secret; client credentials need basic or post");
            }
            secret = secret();
        }
        try {
            return new OAuthLogins.Request(
                    grant, options.issuer, options.clientId, options.scope, secret, method, wait);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    /** From stdin, a file, the command line or the environment: exactly one. */
    private ClientSecret secret() throws CliException {
        int given = (options.clientSecretStdin ? 1 : 0)
                + (options.clientSecretFile != null ? 1 : 0)
                + (options.clientSecret != null ? 1 : 0);
        if (given > 1) {
            throw CliException.usage(
                    "give the client secret one way: --client-secret-stdin, --client-secret-file or --client-secret");
        }
        String raw;
        ClientSecret.Origin origin;
        if (options.clientSecretStdin) {
            origin = ClientSecret.Origin.STDIN;
            try {
                raw = context.lines().readLine();
            } catch (IOException e) {
                throw CliException.usage("cannot read the client secret from standard input: " + e.getMessage());
            }
        } else if (options.clientSecretFile != null) {
            origin = ClientSecret.Origin.FILE;
            try {
                raw = Files.readString(Path.of(options.clientSecretFile), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw CliException.usage(
                        "--client-secret-file: cannot read " + options.clientSecretFile + ": " + e.getMessage());
            }
        } else if (options.clientSecret != null) {
            origin = ClientSecret.Origin.ARGUMENT;
            context.err()
                    .println("warning: a client secret on the command line is visible to other users of this machine; "
                            + "prefer --client-secret-stdin, --client-secret-file or "
                            + TokenRenewal.CLIENT_SECRET_ENV);
            raw = options.clientSecret;
        } else {
            origin = ClientSecret.Origin.ENVIRONMENT;
            raw = context.environment().get(TokenRenewal.CLIENT_SECRET_ENV);
            if (raw == null || raw.isBlank()) {
                throw CliException.usage(
                        "--client-credentials needs the client secret: --client-secret-stdin, --client-secret-file FILE or "
                                + TokenRenewal.CLIENT_SECRET_ENV);
            }
        }
        try {
            return new ClientSecret(
                    raw, origin, origin == ClientSecret.Origin.FILE ? Path.of(options.clientSecretFile) : null);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    /** The login's prompts on standard error (standard output stays for data). */
    private final class TerminalPrompts implements OAuthLogins.Prompts {

        @Override
        public void deviceCode(DeviceFlow.Authorization authorization, ServerMetadata server, String clientId) {
            PrintStream err = context.err();
            String code = TerminalSafe.text(authorization.userCode());
            err.println("Open " + authorization.verificationUri() + " and enter code " + code + " (expires in "
                    + minutes(authorization.expiresIn()) + ")");
            if (authorization.verificationUriComplete() != null) {
                err.println("  or open " + authorization.verificationUriComplete());
            }
            err.println("This is a login of client '" + clientId + "' at " + server.issuer() + " with code " + code
                    + ": approve it only if you started it yourself, just now.");
            err.println("Waiting for approval (Ctrl-C to cancel)...");
            err.flush();
        }

        @Override
        public void browserAddress(URI address, Duration wait) {
            boolean opened = !options.noOpen && BrowserOpener.open(address, context.environment());
            context.err()
                    .println((opened ? "Opened your browser at " : "Open this address in a browser on this machine: ")
                            + address);
            context.err().println("Waiting for the browser (up to " + minutes(wait) + "; Ctrl-C to cancel)...");
            context.err().flush();
        }
    }

    private static String minutes(Duration duration) {
        return duration.toSeconds() % 60 == 0 || duration.toMinutes() >= 10
                ? duration.toMinutes() + " min"
                : duration.toSeconds() + " s";
    }

    /** The --wait duration; a bad one is a usage error. */
    private static Duration waitFor(String text) throws CliException {
        try {
            return Durations.parse("--wait", text);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }
}
