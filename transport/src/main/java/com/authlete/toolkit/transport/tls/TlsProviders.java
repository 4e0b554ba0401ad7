package com.authlete.toolkit.transport.tls;

import java.security.Provider;
import java.util.List;
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
            case "", "auto" -> withSignaturesIfWanted(Native.PROVIDER);
            default -> throw new IllegalArgumentException(ENV + " expects auto or jdk, got '" + choice + "'");
        };
    }

    /**
     * Has certificate-path validation check signatures in native code whenever this process uses the native TLS: a
     * provider that offers only Conscrypt's signature checks goes first in the JCA list when the native provider is
     * first chosen ({@link NativeSignatures}). Process-wide, so for the process's owner to ask for (the CLI does at
     * start; the library never does it on its own); nothing happens under {@value #ENV}{@code =jdk} or without the
     * native library.
     */
    public static void preferNativeSignatures() {
        nativeSignaturesWanted = true;
    }

    private static volatile boolean nativeSignaturesWanted;

    private static Provider withSignaturesIfWanted(Provider provider) {
        if (provider != null && nativeSignaturesWanted) {
            NativeSignatures.install(provider);
        }
        return provider;
    }

    /**
     * Starts loading the native provider, and its TLS context classes, on a daemon thread, so that a command's own
     * start-up (parsing its arguments) overlaps with it; nothing happens when the environment asks for the JDK's
     * TLS. Failures are left for the real use to meet.
     */
    public static void preload(Map<String, String> environment) {
        if ("jdk".equalsIgnoreCase(environment.getOrDefault(ENV, "").strip())) {
            return;
        }
        Thread loader = new Thread(() -> warmUp(environment), "tls-preload");
        loader.setDaemon(true);
        loader.start();
    }

    private static void warmUp(Map<String, String> environment) {
        try {
            Provider provider = forEnvironment(environment);
            if (provider != null) {
                TrustAnchors.sslContext(null, List.of(), provider);
            }
        } catch (Exception | LinkageError ignored) {
            // Only a head start: the command's own set-up reports what goes wrong.
        }
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
