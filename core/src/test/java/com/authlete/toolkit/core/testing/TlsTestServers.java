package com.authlete.toolkit.core.testing;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** HTTPS on loopback for TLS tests: certificates made with the JDK's keytool, and a server that answers with them. */
public final class TlsTestServers {

    /** The password of every keystore these tests make. */
    public static final String PASSWORD = "changeit";

    private TlsTestServers() {}

    /** Runs the keytool of the JDK running the tests; fails with its output when it fails. */
    public static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("keytool " + String.join(" ", arguments) + " failed: " + output);
        }
    }

    /**
     * A PKCS12 keystore (password {@value #PASSWORD}) holding a new self-signed server key of this kind (EC: P-256,
     * RSA: 2048 bits) for this subject alternative name (such as {@code ip:127.0.0.1}), and the certificate as PEM.
     */
    public static void selfSigned(Path keystore, Path certificate, String keyKind, String san)
            throws IOException, InterruptedException {
        List<String> generate = new ArrayList<>(List.of("-genkeypair", "-alias", "server", "-keyalg", keyKind));
        generate.addAll(keyKind.equals("EC") ? List.of("-groupname", "secp256r1") : List.of("-keysize", "2048"));
        generate.addAll(List.of(
                "-dname",
                "CN=test server",
                "-ext",
                "SAN=" + san,
                "-validity",
                "2",
                "-keystore",
                keystore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD));
        keytool(generate.toArray(String[]::new));
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "server",
                "-keystore",
                keystore.toString(),
                "-storepass",
                PASSWORD,
                "-file",
                certificate.toString());
    }

    /** A server on loopback with the PKCS12 keystore's key, answering every request with {@code json}. */
    public static HttpsServer serve(Path keystore, String json) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }
}
