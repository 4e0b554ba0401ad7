package com.authlete.toolkit.cli.builtin;

import com.github.rvesse.airline.annotations.Option;

/** The flags of {@code auth login} that choose and configure an OAuth login instead of a pasted token. */
public final class OAuthLoginOptions {

    @Option(
            name = "--device",
            description = "Log in with the device flow (RFC 8628): approve a short code in any browser.")
    boolean device;

    @Option(
            name = "--browser",
            description = "Log in with the authorization code flow and PKCE through a browser on this machine.")
    boolean browser;

    @Option(
            name = "--client-credentials",
            description = "Log in as a client with its secret (for CI); the token is renewed automatically.")
    boolean clientCredentials;

    @Option(
            name = "--issuer",
            title = "url",
            description = "The authorization server's issuer URL (its metadata is discovered).")
    String issuer;

    @Option(name = "--client-id", title = "id", description = "The OAuth client to log in with.")
    String clientId;

    @Option(
            name = "--scope",
            title = "scopes",
            description = "Scopes to ask for, space-separated (default: openid offline_access when offered).")
    String scope;

    @Option(name = "--client-secret-stdin", description = "Read the client secret from standard input.")
    boolean clientSecretStdin;

    @Option(
            name = "--client-secret-file",
            title = "file",
            description = "Read the client secret from a file (read again at each renewal).")
    String clientSecretFile;

    @Option(
            name = "--client-secret",
            title = "secret",
            description =
                    "The client secret itself (visible in the process list: prefer --client-secret-stdin or $AUTHLETE_CLIENT_SECRET).")
    String clientSecret;

    @Option(
            name = "--client-auth",
            title = "basic|post",
            description = "How the client secret is sent: HTTP Basic (default) or in the form.")
    String clientAuth;

    @Option(
            name = "--wait",
            title = "duration",
            description =
                    "How long to wait for the login: --browser for the browser's answer (default 5m), --device for approval (default: until the code expires, at most 30m).")
    String wait;

    @Option(name = "--no-open", description = "With --browser: print the URL instead of opening a browser.")
    boolean noOpen;

    boolean chosen() {
        return device || browser || clientCredentials;
    }
}
