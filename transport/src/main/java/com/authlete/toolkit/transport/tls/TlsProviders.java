package com.authlete.toolkit.transport.tls;

import java.security.Provider;
import java.util.Locale;
import java.util.Map;
import org.conscrypt.Conscrypt;

/**
 * Which TLS implementation runs the handshake: Conscrypt (BoringSSL, native) when its library loads, the JDK's own
 * otherwise; {@value #ENV}{@code =jdk} forces the JDK's (for a FIPS or vendor provider). Trust, host-name checks,
 * proxies and time limits are the same either way: the trust managers are ours ({@link TrustAnchors}).
 */
public final class TlsProviders {

    public static final String ENV = "AUTHLETE_TLS";

    private TlsProviders() {}

    /**
     * The provider to build the TLS context with, or null for the JDK's.
     *
     * @throws IllegalArgumentException when {@value #ENV} is neither auto nor jdk
     */
    public static Provider forEnvironment(Map<String, String> environment) {
        String choice = environment.getOrDefault(ENV, "").strip().toLowerCase(Locale.ROOT);
        return switch (choice) {
            case "jdk" -> null;
            case "", "auto" -> Native.PROVIDER;
            default -> throw new IllegalArgumentException(ENV + " expects auto or jdk, got '" + choice + "'");
        };
    }

    /** Whether the native provider loaded here (its library present and loadable for this platform). */
    public static boolean nativeAvailable() {
        return Native.PROVIDER != null;
    }

    /** Loaded once, on first use: a failure to load means the JDK's TLS, silently. */
    private static final class Native {
        static final Provider PROVIDER = load();

        private static Provider load() {
            try {
                return Conscrypt.isAvailable() ? Conscrypt.newProvider() : null;
            } catch (RuntimeException | LinkageError unavailable) {
                return null;
            }
        }
    }
}
