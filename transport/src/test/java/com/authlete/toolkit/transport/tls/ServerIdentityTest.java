package com.authlete.toolkit.transport.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authlete.toolkit.core.testing.TlsTestServers;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server-name check both TLS implementations share: DNS names, wildcards, IP addresses in any spelling. */
class ServerIdentityTest {

    @TempDir
    static Path dir;

    private static X509Certificate named;
    private static X509Certificate commonNameOnly;

    @BeforeAll
    static void certificates() throws Exception {
        named = certificate("named", "dns:api.example.com,dns:*.wild.example.com,ip:127.0.0.1,ip:::1");
        commonNameOnly = certificate("cn", null);
    }

    private static X509Certificate certificate(String name, String san) throws Exception {
        Path store = dir.resolve(name + ".p12");
        Path pem = dir.resolve(name + ".pem");
        if (san != null) {
            TlsTestServers.selfSigned(store, pem, "EC", san);
        } else {
            TlsTestServers.keytool(
                    "-genkeypair",
                    "-alias",
                    "server",
                    "-keyalg",
                    "EC",
                    "-groupname",
                    "secp256r1",
                    "-dname",
                    "CN=api.example.com",
                    "-validity",
                    "2",
                    "-keystore",
                    store.toString(),
                    "-storetype",
                    "PKCS12",
                    "-storepass",
                    TlsTestServers.PASSWORD);
            TlsTestServers.keytool(
                    "-exportcert",
                    "-rfc",
                    "-alias",
                    "server",
                    "-keystore",
                    store.toString(),
                    "-storepass",
                    TlsTestServers.PASSWORD,
                    "-file",
                    pem.toString());
        }
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "api.example.com",
                "API.Example.COM",
                "x.wild.example.com",
                "127.0.0.1",
                "::1",
                "[::1]",
                "0:0:0:0:0:0:0:1"
            })
    void aHostTheCertificateNamesIsAccepted(String host) {
        assertThatCode(() -> ServerIdentity.check(named, host, "HTTPS")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "other.example.com",
                "example.com",
                "wild.example.com",
                "a.b.wild.example.com",
                "api.example.com.evil.test",
                "127.0.0.2",
                "::2",
                "2130706433"
            })
    void anyOtherHostIsRefusedNamingWhatTheCertificateIsFor(String host) {
        assertThatThrownBy(() -> ServerIdentity.check(named, host, "HTTPS"))
                .isInstanceOfSatisfying(
                        HostMismatchException.class,
                        e -> assertThat(e.names())
                                .isEqualTo("api.example.com, *.wild.example.com, 127.0.0.1, 0:0:0:0:0:0:0:1"));
    }

    @Test
    void theCommonNameIsNeverUsedInsteadOfSubjectAlternativeNames() {
        assertThatThrownBy(() -> ServerIdentity.check(commonNameOnly, "api.example.com", "HTTPS"))
                .isInstanceOfSatisfying(
                        HostMismatchException.class, e -> assertThat(e.names()).isEqualTo("none"));
    }

    @Test
    void theCheckIsTheClientsChoiceAndFailsClosed() {
        assertThatCode(() -> ServerIdentity.check(named, "other.example.com", null))
                .as("no endpoint identification asked for")
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ServerIdentity.check(named, "api.example.com", "LDAPS"))
                .isInstanceOf(CertificateException.class)
                .hasMessageContaining("unsupported endpoint identification");
        assertThatThrownBy(() -> ServerIdentity.check(named, null, "HTTPS"))
                .isInstanceOf(CertificateException.class)
                .hasMessageContaining("no host name");
    }
}
