import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The JDK's floor for one HTTPS request: the smallest Java program that does what `authlete service list` does on
 * the wire (java.net.http, the JDK's TLS, one extra trusted CA), run by bench/startup.sh with its own start-up
 * archive. What the CLI takes beyond this figure is the CLI's own cost; what this takes beyond curl is the JVM's.
 *
 *   java TlsFloor URL CA_PEM [conscrypt]
 *
 * With "conscrypt" (Conscrypt's jar on the class path, its native library on java.library.path) the handshake runs
 * in BoringSSL instead: the floor of any JVM program that uses it.
 */
public final class TlsFloor {
    public static void main(String[] args) throws Exception {
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
            anchors.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(anchors);
        SSLContext context = args.length > 2 && args[2].equals("conscrypt")
                ? SSLContext.getInstance("TLS", (Provider) Class.forName("org.conscrypt.OpenSSLProvider")
                        .getConstructor()
                        .newInstance())
                : SSLContext.getInstance("TLS");
        X509ExtendedTrustManager jdk = (X509ExtendedTrustManager) trust.getTrustManagers()[0];
        context.init(new KeyManager[0], new TrustManager[] {new GenericAuthType(jdk)}, null);
        HttpClient client = HttpClient.newBuilder().sslContext(context).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(args[0])).header("Authorization", "Bearer x").build();
        System.out.println(client.send(request, HttpResponse.BodyHandlers.ofString()).body());
        // Closeable from JDK 21 on (its selector thread would otherwise hold the JVM at exit); JDK 17's cannot be
        // closed without opening its package, so there the floor includes that wait (BENCHMARKS.md).
        if (client instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /**
     * The JDK's trust manager, told TLS 1.3's authentication type by its own name: Conscrypt says GENERIC, which
     * JDK 17's checks refuse (the CLI's trust managers do the same mapping).
     */
    private static final class GenericAuthType extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager jdk;

        GenericAuthType(X509ExtendedTrustManager jdk) {
            this.jdk = jdk;
        }

        private static String named(String authType) {
            return "GENERIC".equals(authType) ? "UNKNOWN" : authType;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            jdk.checkServerTrusted(chain, named(authType), engine);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            jdk.checkServerTrusted(chain, named(authType), socket);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            jdk.checkServerTrusted(chain, named(authType));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return jdk.getAcceptedIssuers();
        }
    }
}
