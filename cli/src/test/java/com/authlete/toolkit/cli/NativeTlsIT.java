package com.authlete.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI over HTTPS with its native TLS (the library beside the jar), with the JDK's (AUTHLETE_TLS=jdk),
 * and with the library missing (it falls back silently): the same answer each time, and the same refusal of a
 * certificate for another host.
 */
class NativeTlsIT {

    @TempDir
    Path dir;

    private void keytool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }

    /** A self-signed server certificate for this name, and its PEM (to trust with --ca-cert). */
    private Path server(String name, String san) throws Exception {
        Path store = dir.resolve(name + ".p12");
        keytool(
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=" + name,
                "-ext",
                "SAN=" + san,
                "-validity",
                "2",
                "-keystore",
                store.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "changeit");
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "server",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit",
                "-file",
                dir.resolve(name + ".pem").toString());
        return store;
    }

    private static HttpsServer serve(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/", exchange -> {
            byte[] body =
                    "{\"start\":0,\"end\":1,\"totalCount\":1,\"services\":[{\"apiKey\":7,\"serviceName\":\"tls\"}]}"
                            .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    void everyProviderGivesTheSameAnswerAndRefusesAnotherHostAlike() throws Exception {
        HttpsServer good = serve(server("good", "ip:127.0.0.1"));
        HttpsServer elsewhere = serve(server("elsewhere", "dns:api.example.com"));
        try {
            List<Map<String, String>> providers = List.of(
                    Map.of("AUTHLETE_BEARER", "t"),
                    Map.of("AUTHLETE_BEARER", "t", "AUTHLETE_TLS", "jdk"),
                    Map.of("AUTHLETE_BEARER", "t", "AUTHLETE_JAVA_OPTS", "-Djava.library.path=" + dir.resolve("none")));
            List<String> implementations = List.of("* TLS: Conscrypt (native)", "* TLS: the JDK's", "* TLS: the JDK's");
            for (int i = 0; i < providers.size(); i++) {
                Map<String, String> environment = providers.get(i);
                LauncherProcess.Result debug = LauncherProcess.run(
                        environment,
                        null,
                        List.of(
                                "service",
                                "list",
                                "--server-url",
                                "https://127.0.0.1:" + good.getAddress().getPort(),
                                "--ca-cert",
                                dir.resolve("good.pem").toString(),
                                "--debug"));
                assertThat(debug.exitCode()).as(debug.err()).isZero();
                assertThat(debug.err()).as(environment.toString()).contains(implementations.get(i));
                LauncherProcess.Result ok = LauncherProcess.run(
                        environment,
                        null,
                        List.of(
                                "service",
                                "list",
                                "--server-url",
                                "https://127.0.0.1:" + good.getAddress().getPort(),
                                "--ca-cert",
                                dir.resolve("good.pem").toString(),
                                "-F",
                                "json"));
                assertThat(ok.exitCode()).as(environment + ": " + ok.err()).isZero();
                assertThat(ok.out()).as(environment.toString()).contains("\"serviceName\":\"tls\"");
                assertThat(ok.err()).as(environment.toString()).isEmpty();

                LauncherProcess.Result refused = LauncherProcess.run(
                        environment,
                        null,
                        List.of(
                                "service",
                                "list",
                                "--server-url",
                                "https://127.0.0.1:" + elsewhere.getAddress().getPort(),
                                "--ca-cert",
                                dir.resolve("elsewhere.pem").toString(),
                                "--retry",
                                "0"));
                assertThat(refused.exitCode()).as(environment.toString()).isEqualTo(8);
                assertThat(refused.err())
                        .as(environment.toString())
                        .contains("TLS failure: the server's certificate is not for 127.0.0.1");
            }
        } finally {
            good.stop(0);
            elsewhere.stop(0);
        }
    }
}
