package com.authlete.toolkit.transport.tls;

import java.security.Provider;
import java.security.Security;

/**
 * The signature checks of a native provider and nothing else of it: what certificate-path validation needs, so
 * that the JDK's PKIX code verifies a chain's ECDSA and RSA signatures in BoringSSL rather than in cold Java code
 * (86 ms of a command against a server with an ECDSA intermediate, measured in BENCHMARKS.md). Every other
 * algorithm, key store and certificate parser stays the JDK's. A key the native code does not take is passed on to
 * the next provider by the JDK's delayed provider selection.
 */
final class NativeSignatures extends Provider {

    private static final long serialVersionUID = 1L;

    static final String NAME = "AuthleteNativeSignatures";

    /** Puts the signature checks of {@code source} first, once. */
    static synchronized void install(Provider source) {
        if (Security.getProvider(NAME) == null) {
            Security.insertProviderAt(new NativeSignatures(source), 1);
        }
    }

    /** For tests: the JDK's own signature checks again. */
    static synchronized void uninstall() {
        Security.removeProvider(NAME);
    }

    NativeSignatures(Provider source) {
        super(NAME, "1", "Signature checks of " + source.getName());
        for (Service service : source.getServices()) {
            if (service.getType().equals("Signature")) {
                putService(new Service(this, "Signature", service.getAlgorithm(), service.getClassName(), null, null));
            }
        }
    }
}
