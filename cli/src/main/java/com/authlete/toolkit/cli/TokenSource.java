package com.authlete.toolkit.cli;

import com.authlete.toolkit.credentials.CredentialChain;
import com.authlete.toolkit.credentials.CredentialStore;
import com.authlete.toolkit.credentials.CredentialsException;
import com.authlete.toolkit.credentials.ResolvedToken;
import com.authlete.toolkit.credentials.Settings;
import com.authlete.toolkit.credentials.oauth.TokenRenewal;
import com.authlete.toolkit.transport.TransportException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** The credential chain of the active profile, with stored OAuth logins renewed through the configured transport. */
public final class TokenSource {

    private TokenSource() {
    }

    /** {@code network} may be null: the defaults. */
    public static Optional<ResolvedToken> resolve(Settings settings, Map<String, String> environment, String bearerFlag,
                                                  NetworkOptions network, String version, PrintStream err)
            throws CredentialsException, TransportException {
        CredentialStore store = CredentialStore.of(settings, environment);
        TokenRenewal renewal = new TokenRenewal(store, TransportSetup.oauth(network, environment, version, err), environment,
                Clock.systemUTC());
        Optional<ResolvedToken> token = new CredentialChain(environment, store, settings.profile(), renewal).resolve(bearerFlag);
        if (token.isPresent() && token.get().origin().startsWith(settings.configFile().path().toString())) {
            settings.configFile().exposureWarning().ifPresent(warning -> err.println("warning: " + warning));
        }
        return token;
    }
}
