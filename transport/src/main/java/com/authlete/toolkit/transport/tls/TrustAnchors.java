package com.authlete.toolkit.transport.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Which certificate authorities to trust: the JDK's own, or the PEM bundle named by {@code SSL_CERT_FILE}
 * instead (as OpenSSL-based tools do), plus any extra PEM files (such as a corporate root given with
 * {@code --ca-cert}).
 */
public final class TrustAnchors {

    private TrustAnchors() {
    }

    /**
     * @param bundle a PEM bundle that replaces the JDK's trust store, or null
     * @param extra  PEM files whose certificates are trusted in addition
     */
    public static SSLContext sslContext(Path bundle, List<Path> extra) throws IOException {
        try {
            List<X509TrustManager> managers = new ArrayList<>();
            managers.add(bundle == null ? manager(null) : manager(keyStore(List.of(bundle))));
            if (!extra.isEmpty()) {
                managers.add(manager(keyStore(extra)));
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AnyOfTrustManager(managers)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS trust: " + e.getMessage(), e);
        }
    }

    private static KeyStore keyStore(List<Path> pemFiles) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        int count = 0;
        for (Path file : pemFiles) {
            Collection<? extends Certificate> certificates;
            try (InputStream in = Files.newInputStream(file)) {
                certificates = factory.generateCertificates(in);
            } catch (CertificateException e) {
                throw new IOException(file + " holds no readable PEM certificate: " + e.getMessage(), e);
            }
            if (certificates.isEmpty()) {
                throw new IOException(file + " holds no PEM certificate");
            }
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("anchor-" + count++, certificate);
            }
        }
        return store;
    }

    private static X509TrustManager manager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager available");
    }

    /** Trusts a server when any of its managers does. */
    private record AnyOfTrustManager(List<X509TrustManager> managers) implements X509TrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client certificates are not checked here");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            CertificateException last = null;
            for (X509TrustManager manager : managers) {
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
            return managers.stream().flatMap(m -> java.util.Arrays.stream(m.getAcceptedIssuers())).toArray(X509Certificate[]::new);
        }
    }
}
