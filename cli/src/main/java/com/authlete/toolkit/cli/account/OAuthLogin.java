package com.authlete.toolkit.cli.account;

import com.authlete.toolkit.cli.CliException;
import com.authlete.toolkit.cli.TransportSetup;
import com.authlete.toolkit.credentials.CredentialStore;
import com.authlete.toolkit.credentials.CredentialsException;
import com.authlete.toolkit.credentials.Settings;
import com.authlete.toolkit.credentials.Tokens;
import com.authlete.toolkit.credentials.oauth.BrowserFlow;
import com.authlete.toolkit.credentials.oauth.ClientAuthentication;
import com.authlete.toolkit.credentials.oauth.DeviceFlow;
import com.authlete.toolkit.credentials.oauth.Discovery;
import com.authlete.toolkit.credentials.oauth.OAuthGrant;
import com.authlete.toolkit.credentials.oauth.ServerMetadata;
import com.authlete.toolkit.credentials.oauth.TokenEndpoint;
import com.authlete.toolkit.credentials.oauth.TokenRenewal;
import com.authlete.toolkit.credentials.oauth.TokenResponse;
import com.authlete.toolkit.credentials.oauth.TransportFactory;
import com.authlete.toolkit.transport.TransportException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/** Runs the OAuth login chosen by the flags and stores the result for the profile. */
final class OAuthLogin {

    static final Duration DEFAULT_WAIT = Duration.ofMinutes(5);

    private final OAuthLoginOptions options;
    private final AccountContext context;
    private final Clock clock = Clock.systemUTC();

    private final com.authlete.toolkit.cli.NetworkOptions network;

    OAuthLogin(OAuthLoginOptions options, AccountContext context, com.authlete.toolkit.cli.NetworkOptions network) {
        this.network = network;
        this.options = options;
        this.context = context;
    }

    void run(Settings settings) throws CliException, CredentialsException, TransportException {
        if ((options.device ? 1 : 0) + (options.browser ? 1 : 0) + (options.clientCredentials ? 1 : 0) > 1) {
            throw CliException.usage("choose one of --device, --browser and --client-credentials");
        }
        if (options.issuer == null || options.clientId == null) {
            throw CliException.usage("an OAuth login needs --issuer URL and --client-id ID");
        }
        if (options.wait != null) {
            waitFor(options.wait); // refused before anything is sent
        }
        TransportFactory transports = TransportSetup.oauth(network, context.environment(), context.version(), context.err());
        ServerMetadata server = new Discovery(transports).discover(options.issuer);
        String scope = options.scope != null ? options.scope : options.clientCredentials ? null : defaultScope(server);
        String secretSource = null;
        String secret = null;
        if (options.clientCredentials) {
            secretSource = secretSource();
            secret = readSecret(secretSource);
        }
        ClientAuthentication client = client(secret);
        TokenResponse response;
        String grantType;
        try {
            if (options.device) {
                grantType = "device_code";
                response = device(transports, server, client, scope);
            } else if (options.browser) {
                grantType = "authorization_code";
                response = browser(transports, server, client, scope);
            } else {
                grantType = "client_credentials";
                response = new TokenEndpoint(transports, server.tokenEndpoint(), client).clientCredentials(scope);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(com.authlete.toolkit.cli.ExitCode.ERROR, "login interrupted; nothing was stored");
        }
        String secretFile = "file".equals(secretSource) ? Path.of(options.clientSecretFile).toAbsolutePath().toString() : null;
        OAuthGrant grant = OAuthGrant.obtained(grantType, server, client, scope, response, clock.instant(), secretFile);
        CredentialStore store = CredentialStore.of(settings, context.environment());
        CredentialStore.Stored stored = store.store(settings.profile(), grant.toJson());
        stored.warning().ifPresent(warning -> context.err().println("warning: " + warning));
        if (secret != null && !"file".equals(secretSource) && !"env".equals(secretSource)
                && !store.storeClientSecret(settings.profile(), secret)) {
            context.err().println("warning: no keychain for the client secret, so it was not kept; renewing the token later needs "
                    + TokenRenewal.CLIENT_SECRET_ENV + " or a login with --client-secret-file");
        }
        context.err().println("Logged in: profile " + settings.profile() + ", " + grantType + " login of client " + client.clientId()
                + " at " + server.issuer() + "; access token " + Tokens.mask(response.accessToken())
                + (grant.expiresAt() == null ? "" : " (expires " + grant.expiresAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ")")
                + (response.refreshToken() != null ? ", refresh token kept" : "")
                + "; stored in " + stored.where());
    }

    private TokenResponse device(TransportFactory transports, ServerMetadata server, ClientAuthentication client, String scope)
            throws CredentialsException, TransportException, InterruptedException, CliException {
        DeviceFlow flow = new DeviceFlow(transports, server, client, clock, duration -> Thread.sleep(duration.toMillis()));
        DeviceFlow.Authorization authorization = flow.start(scope);
        PrintStream err = context.err();
        err.println("Open " + authorization.verificationUri() + " and enter code " + com.authlete.toolkit.render.TerminalSafe.text(authorization.userCode())
                + " (expires in " + minutes(authorization.expiresIn()) + ")");
        if (authorization.verificationUriComplete() != null) {
            err.println("  or open " + authorization.verificationUriComplete());
        }
        err.println("This is a login of client '" + client.clientId() + "' at " + server.issuer() + " with code "
                + com.authlete.toolkit.render.TerminalSafe.text(authorization.userCode()) + ": approve it only if you started it yourself, just now.");
        err.println("Waiting for approval (Ctrl-C to cancel)...");
        err.flush();
        return options.wait == null ? flow.await(authorization) : flow.await(authorization, waitFor(options.wait));
    }

    private TokenResponse browser(TransportFactory transports, ServerMetadata server, ClientAuthentication client, String scope)
            throws CredentialsException, TransportException, InterruptedException, CliException {
        Duration wait = options.wait == null ? DEFAULT_WAIT : waitFor(options.wait);
        BrowserFlow flow = new BrowserFlow(transports, server, client, new SecureRandom());
        return flow.login(scope, wait, url -> {
            boolean opened = !options.noOpen && BrowserOpener.open(url, context.environment());
            context.err().println((opened ? "Opened your browser at " : "Open this address in a browser on this machine: ") + url);
            context.err().println("Waiting for the browser (up to " + minutes(wait) + "; Ctrl-C to cancel)...");
            context.err().flush();
        });
    }

    private static String defaultScope(ServerMetadata server) {
        return server.supportsScope("openid") && server.supportsScope("offline_access") ? "openid offline_access" : null;
    }

    private ClientAuthentication client(String secret) throws CliException {
        if (secret == null) {
            if (options.clientAuth != null) {
                throw CliException.usage("--client-auth applies to --client-credentials only");
            }
            return ClientAuthentication.publicClient(options.clientId);
        }
        try {
            ClientAuthentication.Method method = options.clientAuth == null ? ClientAuthentication.Method.CLIENT_SECRET_BASIC
                    : ClientAuthentication.Method.parse(options.clientAuth);
            if (method == ClientAuthentication.Method.NONE) {
                throw CliException.usage("--client-auth none sends no secret; client credentials need basic or post");
            }
            return new ClientAuthentication(options.clientId, method, secret);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--client-auth: " + e.getMessage());
        }
    }

    /** stdin, file, argv or env: exactly one. */
    private String secretSource() throws CliException {
        int given = (options.clientSecretStdin ? 1 : 0) + (options.clientSecretFile != null ? 1 : 0) + (options.clientSecret != null ? 1 : 0);
        if (given > 1) {
            throw CliException.usage("give the client secret one way: --client-secret-stdin, --client-secret-file or --client-secret");
        }
        if (options.clientSecretStdin) {
            return "stdin";
        }
        if (options.clientSecretFile != null) {
            return "file";
        }
        if (options.clientSecret != null) {
            return "argv";
        }
        String fromEnvironment = context.environment().get(TokenRenewal.CLIENT_SECRET_ENV);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return "env";
        }
        throw CliException.usage("--client-credentials needs the client secret: --client-secret-stdin, --client-secret-file FILE or "
                + TokenRenewal.CLIENT_SECRET_ENV);
    }

    private String readSecret(String source) throws CliException {
        String raw;
        switch (source) {
            case "stdin" -> {
                try {
                    raw = context.lines().readLine();
                } catch (IOException e) {
                    throw CliException.usage("cannot read the client secret from standard input: " + e.getMessage());
                }
            }
            case "file" -> {
                try {
                    raw = Files.readString(Path.of(options.clientSecretFile), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw CliException.usage("--client-secret-file: cannot read " + options.clientSecretFile + ": " + e.getMessage());
                }
            }
            case "argv" -> {
                context.err().println("warning: a client secret on the command line is visible to other users of this machine; "
                        + "prefer --client-secret-stdin, --client-secret-file or " + TokenRenewal.CLIENT_SECRET_ENV);
                raw = options.clientSecret;
            }
            default -> raw = context.environment().get(TokenRenewal.CLIENT_SECRET_ENV);
        }
        if (raw == null || raw.isBlank()) {
            throw CliException.usage("the client secret is empty");
        }
        return raw.strip();
    }

    private static String minutes(Duration duration) {
        return duration.toSeconds() % 60 == 0 || duration.toMinutes() >= 10 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }

    /** The --wait duration; a bad one is a usage error. */
    private static Duration waitFor(String text) throws CliException {
        try {
            return com.authlete.toolkit.transport.setup.Durations.parse("--wait", text);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }
}
