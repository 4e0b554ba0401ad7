package com.authlete.toolkit.transport.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Which certificate authorities to trust: the JDK's own, or the PEM bundle named by {@code SSL_CERT_FILE}
 * instead (as OpenSSL-based tools do), plus any extra PEM files (such as a corporate root given with
 * {@code --ca-cert}). PEM files are read lazily ({@link LazyPemAnchors}); validation is the JDK's PKIX.
 */
public final class TrustAnchors {

    private TrustAnchors() {}

    /**
     * @param bundle a PEM bundle that replaces the JDK's trust store, or null
     * @param extra  PEM files whose certificates are trusted in addition
     */
    public static SSLContext sslContext(Path bundle, List<Path> extra) throws IOException {
        return sslContext(bundle, extra, null);
    }

    /**
     * @param bundle   a PEM bundle that replaces the JDK's trust store, or null
     * @param extra    PEM files whose certificates are trusted in addition
     * @param provider the provider of the TLS implementation ({@link TlsProviders}), or null for the JDK's
     */
    public static SSLContext sslContext(Path bundle, List<Path> extra, Provider provider) throws IOException {
        try {
            List<EngineAwareTrustManager> managers = new ArrayList<>();
            // PEM files are indexed, not parsed in full: the anchors a server's chain names are built when it does.
            // The extra authorities are asked first, and the JDK's own store (about 150 certificates to load) only
            // when they do not vouch for the server.
            if (!extra.isEmpty()) {
                managers.add(LazyPemAnchors.read(extra));
            }
            managers.add(bundle == null ? new JdkDefault() : LazyPemAnchors.read(List.of(bundle)));
            SSLContext context =
                    provider == null ? SSLContext.getInstance("TLS") : SSLContext.getInstance("TLS", provider);
            // No client certificates under either provider: an empty list of key managers, where null would mean none
            // to the JDK but "the key store javax.net.ssl.keyStore names" to Conscrypt.
            context.init(new KeyManager[0], new TrustManager[] {new AnyOfTrustManager(managers)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS trust: " + e.getMessage(), e);
        }
    }

    /** The JDK's PKIX trust manager over {@code store}, or over the JDK's own authorities when it is null. */
    static X509ExtendedTrustManager manager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager available");
    }

    /** The JDK's own trust store, loaded on first use. */
    private static final class JdkDefault extends EngineAwareTrustManager {
        private X509ExtendedTrustManager loaded;

        private synchronized X509ExtendedTrustManager loaded() throws CertificateException {
            if (loaded == null) {
                try {
                    loaded = manager(null);
                } catch (GeneralSecurityException e) {
                    throw new CertificateException("cannot load the JDK's trusted authorities: " + e.getMessage(), e);
                }
            }
            return loaded;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            checkPath(loaded(), chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            try {
                return loaded().getAcceptedIssuers();
            } catch (CertificateException e) {
                return new X509Certificate[0];
            }
        }
    }

    /**
     * Trusts a server when any of its managers does; the server's name is then checked once, by the engine-aware
     * calls every manager shares, so that a certificate for another host is said to be so whichever manager vouched
     * for its authority.
     */
    private static final class AnyOfTrustManager extends EngineAwareTrustManager {
        private final List<EngineAwareTrustManager> managers;

        AnyOfTrustManager(List<EngineAwareTrustManager> managers) {
            this.managers = List.copyOf(managers);
        }

        /** The first manager that trusts the chain has validated its path: nothing is validated twice. */
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            CertificateException last = null;
            for (EngineAwareTrustManager manager : managers) {
                try {
                    manager.checkServerTrusted(chain, authType);
                    return;
                } catch (CertificateException e) {
                    last = e;
                }
            }
            throw last;
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return managers.stream()
                    .flatMap(m -> Arrays.stream(m.getAcceptedIssuers()))
                    .toArray(X509Certificate[]::new);
        }
    }
}
