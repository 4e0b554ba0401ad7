package com.authlete.toolkit.cli;

import com.authlete.toolkit.credentials.AuthleteConnections;
import com.authlete.toolkit.credentials.CredentialsException;
import com.authlete.toolkit.credentials.ResolvedToken;
import com.authlete.toolkit.credentials.Settings;
import com.authlete.toolkit.transport.TransportException;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

/** The CLI's side of {@link AuthleteConnections#token}: its network flags in (for renewing stored OAuth logins). */
public final class TokenSource {

    private TokenSource() {
    }

    /** {@code network} may be null: the defaults. */
    public static Optional<ResolvedToken> resolve(Settings settings, Map<String, String> environment, String bearerFlag,
                                                  NetworkOptions network, String version, PrintStream err)
            throws CredentialsException, TransportException {
        return AuthleteConnections.token(settings, environment, bearerFlag, TransportSetup.oauth(network, environment, version, err), err);
    }
}
