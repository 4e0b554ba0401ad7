package com.authlete.toolkit.transport.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authlete.toolkit.core.exchange.TransportResponse;
import com.authlete.toolkit.core.testing.TlsTestServers;
import com.authlete.toolkit.transport.HttpTransport;
import com.authlete.toolkit.transport.NetworkException;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Trust anchors read lazily from PEM files still let the JDK refuse what it must: an unknown authority, an expired
 * certificate, a certificate for another host. A test CA and server certificates are made by keytool at test time.
 */
class TrustAnchorsTest {

    @TempDir
    static Path dir;

    private static Path caPem;
    private static Path otherCaPem;
    private static Path bundle;

    @AfterEach
    void jdkSignatures() {
        TestProviders.reset();
    }

    @BeforeAll
    static void authorities() throws Exception {
        caPem = ca("ca");
        otherCaPem = ca("other");
        // A bundle the size of a system one, the test CA last: only that one is turned into a certificate.
        Path system = Path.of("/etc/ssl/certs/ca-certificates.crt");
        bundle = dir.resolve("bundle.pem");
        Files.write(bundle, Files.isRegularFile(system) ? Files.readAllBytes(system) : new byte[0]);
        Files.write(bundle, Files.readAllBytes(otherCaPem), StandardOpenOption.APPEND);
        Files.write(bundle, Files.readAllBytes(caPem), StandardOpenOption.APPEND);
    }

    private static Path ca(String name) throws Exception {
        Path store = dir.resolve(name + ".p12");
        keytool(
                "-genkeypair",
                "-alias",
                name,
                "-keyalg",
                "EC",
                "-dname",
                "CN=" + name + " test CA",
                "-ext",
                "bc:c",
                "-validity",
                "3",
                "-keystore",
                store.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "changeit");
        Path pem = dir.resolve(name + ".pem");
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                name,
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit",
                "-file",
                pem.toString());
        return pem;
    }

    /** A server keystore with a certificate from the test CA: {@code extra} are keytool -gencert options. */
    private static Path server(String name, String... extra) throws Exception {
        Path store = dir.resolve(name + ".p12");
        Path request = dir.resolve(name + ".csr");
        Path certificate = dir.resolve(name + ".crt");
        keytool(
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-dname",
                "CN=" + name,
                "-keystore",
                store.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "changeit");
        keytool(
                "-certreq",
                "-alias",
                "server",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit",
                "-file",
                request.toString());
        List<String> gencert = new ArrayList<>(List.of(
                "-gencert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                dir.resolve("ca.p12").toString(),
                "-storepass",
                "changeit",
                "-infile",
                request.toString(),
                "-outfile",
                certificate.toString()));
        gencert.addAll(List.of(extra));
        keytool(gencert.toArray(String[]::new));
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "ca",
                "-file",
                caPem.toString(),
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit");
        keytool(
                "-importcert",
                "-alias",
                "server",
                "-file",
                certificate.toString(),
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit");
        return store;
    }

    private static void keytool(String... arguments) throws Exception {
        TlsTestServers.keytool(arguments);
    }

    private static HttpsServer serve(Path keystore) throws Exception {
        return TlsTestServers.serve(keystore, "{}");
    }

    private static int get(HttpsServer server, SSLContext trust) throws Exception {
        URI url = URI.create("https://127.0.0.1:" + server.getAddress().getPort());
        try (HttpTransport http =
                        HttpTransport.builder().baseUrl(url).sslContext(trust).build();
                TransportResponse response = http.send("GET", "/x", Map.of(), null)) {
            return response.status();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "native", "native-signatures"})
    void aServerOfTheTrustedAuthorityIsAcceptedFromABundleOrAnExtraFile(String tls) throws Exception {
        HttpsServer server = serve(server("good" + "-" + tls, "-ext", "SAN=ip:127.0.0.1"));
        try {
            assertThat(get(server, TrustAnchors.sslContext(bundle, List.of(), TestProviders.named(tls))))
                    .isEqualTo(200);
            assertThat(get(server, TrustAnchors.sslContext(null, List.of(caPem), TestProviders.named(tls))))
                    .isEqualTo(200);
            assertThat(LazyPemAnchors.read(List.of(bundle)).size()).isGreaterThanOrEqualTo(2);
        } finally {
            server.stop(0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "native", "native-signatures"})
    void anotherAuthorityAnExpiredCertificateAndAnotherHostAreRefused(String tls) throws Exception {
        HttpsServer good = serve(server("good2" + "-" + tls, "-ext", "SAN=ip:127.0.0.1"));
        HttpsServer expired =
                serve(server("expired" + "-" + tls, "-ext", "SAN=ip:127.0.0.1", "-startdate", "-3d", "-validity", "1"));
        HttpsServer elsewhere = serve(server("elsewhere" + "-" + tls, "-ext", "SAN=dns:api.example.com"));
        try {
            assertThatThrownBy(
                            () -> get(good, TrustAnchors.sslContext(otherCaPem, List.of(), TestProviders.named(tls))))
                    .isInstanceOf(NetworkException.class)
                    .hasMessageContaining("TLS failure")
                    .hasMessageContaining(
                            "no certificate authority in " + otherCaPem + " issued the server's certificate");
            assertThatThrownBy(() -> get(expired, TrustAnchors.sslContext(bundle, List.of(), TestProviders.named(tls))))
                    .isInstanceOf(NetworkException.class)
                    .hasMessageContaining("TLS failure: the server's certificate has expired");
            assertThatThrownBy(
                            () -> get(elsewhere, TrustAnchors.sslContext(bundle, List.of(), TestProviders.named(tls))))
                    .isInstanceOf(NetworkException.class)
                    .hasMessageContaining("TLS failure: the server's certificate is not for 127.0.0.1");
            assertThatThrownBy(() ->
                            get(elsewhere, TrustAnchors.sslContext(null, List.of(caPem), TestProviders.named(tls))))
                    .isInstanceOf(NetworkException.class)
                    .hasMessageContaining("TLS failure: the server's certificate is not for 127.0.0.1");
            try (HttpTransport http = HttpTransport.builder()
                    .baseUrl(URI.create("https://127.0.0.1:" + good.getAddress().getPort()))
                    .build()) {
                assertThatThrownBy(() -> http.send("GET", "/x", Map.of(), null))
                        .as("the JDK's own authorities")
                        .hasMessageContaining("TLS failure: the server's certificate is not from a trusted authority");
            }
        } finally {
            good.stop(0);
            expired.stop(0);
            elsewhere.stop(0);
        }
    }

    @Test
    void anEmptyTrustStoreIsSaidInWords() throws Exception {
        // What a javax.net.ssl.trustStore without its password gives: a store that loads, with no authority in it.
        KeyStore empty = KeyStore.getInstance("PKCS12");
        empty.load(null, null);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {TrustAnchors.manager(empty)}, null);
        HttpsServer server = serve(server("lonely", "-ext", "SAN=ip:127.0.0.1"));
        try {
            assertThatThrownBy(() -> get(server, context))
                    .isInstanceOf(NetworkException.class)
                    .hasMessageContaining(
                            "TLS failure: no certificate authority is trusted: the trust store is empty or cannot be read")
                    .hasMessageNotContaining("Unhandled exception");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void filesThatHoldNoCertificateAreNamed() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "not a certificate\n");
        assertThatThrownBy(() -> TrustAnchors.sslContext(null, List.of(empty)))
                .hasMessageContaining(empty + " holds no PEM certificate");
        Path broken = Files.writeString(
                dir.resolve("broken.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> TrustAnchors.sslContext(broken, List.of()))
                .hasMessageContaining("is not an X.509 certificate");
    }

    @Test
    void theSubjectIsFoundInTheEncodingAsTheJdkReadsIt() throws Exception {
        X509Certificate certificate;
        try (InputStream in = Files.newInputStream(caPem)) {
            certificate =
                    (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        assertThat(LazyPemAnchors.Der.subjectOf(certificate.getEncoded()))
                .isEqualTo(certificate.getSubjectX500Principal().getEncoded());
        assertThat(LazyPemAnchors.Der.subjectOf(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}))
                .isNull();
    }
}
