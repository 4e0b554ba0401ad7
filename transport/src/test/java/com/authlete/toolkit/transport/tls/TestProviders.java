package com.authlete.toolkit.transport.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Provider;
import java.util.Map;

/** The TLS implementation a test runs the handshake with, by name: the JDK's, or Conscrypt's (which must load). */
final class TestProviders {

    private TestProviders() {}

    /** @param name jdk or native */
    static Provider named(String name) {
        if (name.equals("jdk")) {
            return TlsProviders.forEnvironment(Map.of(TlsProviders.ENV, "jdk"));
        }
        Provider provider = TlsProviders.forEnvironment(Map.of());
        assertThat(provider)
                .as("Conscrypt's native library loads on this platform")
                .isNotNull();
        return provider;
    }
}
