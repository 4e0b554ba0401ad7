package com.authlete.toolkit.cli.app;

import com.authlete.toolkit.cli.Terminal;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The hidden {@code authlete __train} command: exercises the common paths (help, parsing, one GET through the
 * transport against an in-process loopback server, rendering) so that the launcher can record a class-data
 * archive or AOT cache from it. Self-contained: no network, no credentials, output discarded.
 */
final class Training {

    static final String COMMAND = "__train";
    private static final byte[] BODY =
            "{\"start\":0,\"end\":1,\"totalCount\":1,\"services\":[{\"apiKey\":1,\"serviceName\":\"s\",\"ratio\":1.10}]}"
                    .getBytes(StandardCharsets.UTF_8);

    private Training() {}

    /** @param https whether to train the TLS path too: the archive of real use, not of plain-http mocks */
    static int run(Map<String, String> environment, boolean https) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        answerWithTheList(server);
        server.start();
        Path config = Files.createTempDirectory("authlete-training");
        try {
            PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            Map<String, String> env = new HashMap<>(environment);
            env.put("AUTHLETE_BEARER", "training");
            env.put("AUTHLETE_KEYCHAIN", "none");
            env.put("XDG_CONFIG_HOME", config.toString());
            // Most users have a config file: reading one (YAML) belongs to the common path.
            Files.createDirectories(config.resolve("authlete"));
            Files.writeString(
                    config.resolve("authlete").resolve("config.yaml"),
                    "default-profile: training\nprofiles:\n  training:\n    service-id: \"1\"\n");
            Terminal terminal = new Terminal(true, false, false);
            String[][] runs = {
                {"--help"},
                {"client", "create", "--help"},
                {"service", "list", "--server-url", url},
                {"service", "list", "--server-url", url, "-F", "pretty"},
                {"client", "create", "--service-id", "1", "--client-name", "x", "--server-url", url, "--dry-run"},
            };
            for (String[] args : runs) {
                new Cli(env, terminal, new ByteArrayInputStream(new byte[0]), sink, sink).run(args);
            }
            if (https) {
                trainHttps(env, terminal, sink, config);
            }
            return 0;
        } finally {
            server.stop(0);
            try (var files = Files.walk(config)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /**
     * Every real user talks HTTPS: the same GET over TLS to an in-process server with a key made now by keytool (never
     * a committed key), trusted by --ca-cert and by SSL_CERT_FILE (the system bundle plus that certificate), so that
     * JSSE, the handshake and the client's TLS path are in the archive. Best effort: without keytool it is skipped.
     */
    private static void trainHttps(Map<String, String> env, Terminal terminal, PrintStream sink, Path directory) {
        Path keystore = directory.resolve("tls.p12");
        Path certificate = directory.resolve("tls.pem");
        String keytool =
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        if (!keytool(
                        keytool,
                        "-genkeypair",
                        "-alias",
                        "training",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=127.0.0.1",
                        "-ext",
                        "SAN=IP:127.0.0.1",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        "training",
                        "-keypass",
                        "training")
                || !keytool(
                        keytool,
                        "-exportcert",
                        "-rfc",
                        "-alias",
                        "training",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        "training",
                        "-file",
                        certificate.toString())) {
            return;
        }
        HttpsServer server = null;
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(keystore)) {
                store.load(in, "training".toCharArray());
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, "training".toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(context));
            answerWithTheList(server);
            server.start();
            String url = "https://127.0.0.1:" + server.getAddress().getPort();
            new Cli(env, terminal, new ByteArrayInputStream(new byte[0]), sink, sink)
                    .run("service", "list", "--server-url", url, "--ca-cert", certificate.toString());
            Path system = Path.of(env.getOrDefault("SSL_CERT_FILE", "/etc/ssl/certs/ca-certificates.crt"));
            Path bundle = directory.resolve("bundle.pem");
            byte[] systemCertificates = Files.isRegularFile(system) ? Files.readAllBytes(system) : new byte[0];
            Files.write(bundle, systemCertificates);
            Files.write(bundle, Files.readAllBytes(certificate), StandardOpenOption.APPEND);
            Map<String, String> withBundle = new HashMap<>(env);
            withBundle.put("SSL_CERT_FILE", bundle.toString());
            new Cli(withBundle, terminal, new ByteArrayInputStream(new byte[0]), sink, sink)
                    .run("service", "list", "--server-url", url);
        } catch (IOException | GeneralSecurityException e) {
            // Training is best effort: the archive is still recorded, without the TLS path.
        } finally {
            if (server != null) {
                server.stop(0);
            }
        }
    }

    /** Every path answers with the one small service list the training renders. */
    private static void answerWithTheList(HttpServer server) {
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            }
        });
    }

    private static boolean keytool(String... command) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
