import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The JDK's floor for one HTTPS request: the smallest Java program that does what `authlete service list` does on
 * the wire (java.net.http, the JDK's TLS, one extra trusted CA), run by bench/startup.sh with its own start-up
 * archive. What the CLI takes beyond this figure is the CLI's own cost; what this takes beyond curl is the JVM's.
 *
 *   java TlsFloor URL CA_PEM
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
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        HttpClient client = HttpClient.newBuilder().sslContext(context).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(args[0])).header("Authorization", "Bearer x").build();
        System.out.println(client.send(request, HttpResponse.BodyHandlers.ofString()).body());
        // Closeable from JDK 21 on (its selector thread would otherwise hold the JVM at exit); JDK 17's cannot be
        // closed without opening its package, so there the floor includes that wait (BENCHMARKS.md).
        if (client instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
