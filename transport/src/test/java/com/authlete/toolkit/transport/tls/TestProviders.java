package com.authlete.toolkit.transport.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Provider;
import java.util.Map;

/** The TLS implementation a test runs the handshake with, by name: the JDK's, or Conscrypt's (which must load). */
final class TestProviders {

    private TestProviders() {}

    /**
     * @param name jdk, native, or native-signatures: the native TLS with certificate paths checked in native code too
     *     (process-wide until {@link #reset()})
     */
    static Provider named(String name) {
        if (name.equals("jdk")) {
            return TlsProviders.forEnvironment(Map.of(TlsProviders.ENV, "jdk"));
        }
        Provider provider = TlsProviders.forEnvironment(Map.of());
        assertThat(provider)
                .as("Conscrypt's native library loads on this platform")
                .isNotNull();
        if (name.equals("native-signatures")) {
            NativeSignatures.install(provider);
        }
        return provider;
    }

    /** The JDK's own signature checks again, for the tests that follow. */
    static void reset() {
        NativeSignatures.uninstall();
    }
}
