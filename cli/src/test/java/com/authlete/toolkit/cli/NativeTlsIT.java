package com.authlete.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.core.testing.TlsTestServers;
import com.sun.net.httpserver.HttpsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI over HTTPS with its native TLS (the library beside the jar), with the JDK's (AUTHLETE_TLS=jdk),
 * and with the library missing or unloadable (it falls back silently): the same answer each time, and the same refusal of a
 * certificate for another host.
 */
class NativeTlsIT {

    @TempDir
    Path dir;

    /** A self-signed server certificate for this name, and its PEM (to trust with --ca-cert). */
    private Path server(String name, String san) throws Exception {
        Path store = dir.resolve(name + ".p12");
        TlsTestServers.selfSigned(store, dir.resolve(name + ".pem"), "EC", san);
        return store;
    }

    /**
     * A folder where this platform's library name holds another platform's library (as a wrong download would):
     * present, but not loadable here.
     */
    private Path unloadable() throws Exception {
        Path built = Path.of("target", "native", "META-INF", "native");
        String arch = System.getProperty("os.arch").equals("aarch64") ? "aarch_64" : "x86_64";
        String wanted = "libconscrypt_openjdk_jni-linux-" + arch + ".so";
        String other = arch.equals("x86_64")
                ? "libconscrypt_openjdk_jni-linux-aarch_64.so"
                : "libconscrypt_openjdk_jni-linux-x86_64.so";
        Path folder = Files.createDirectories(dir.resolve("unloadable"));
        Files.copy(built.resolve(other), folder.resolve(wanted), StandardCopyOption.REPLACE_EXISTING);
        return folder;
    }

    private static HttpsServer serve(Path keystore) throws Exception {
        return TlsTestServers.serve(
                keystore,
                "{\"start\":0,\"end\":1,\"totalCount\":1,\"services\":[{\"apiKey\":7,\"serviceName\":\"tls\"}]}");
    }

    /** service list against this server, trusting its own certificate, with more arguments. */
    private LauncherProcess.Result list(
            Map<String, String> environment, HttpsServer server, String name, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "service",
                "list",
                "--server-url",
                "https://127.0.0.1:" + server.getAddress().getPort(),
                "--ca-cert",
                dir.resolve(name + ".pem").toString()));
        args.addAll(List.of(more));
        return LauncherProcess.run(environment, null, args);
    }

    @Test
    void everyProviderGivesTheSameAnswerAndRefusesAnotherHostAlike() throws Exception {
        HttpsServer good = serve(server("good", "ip:127.0.0.1"));
        HttpsServer elsewhere = serve(server("elsewhere", "dns:api.example.com"));
        try {
            List<Map<String, String>> providers = List.of(
                    Map.of("AUTHLETE_BEARER", "t"),
                    Map.of("AUTHLETE_BEARER", "t", "AUTHLETE_TLS", "jdk"),
                    Map.of("AUTHLETE_BEARER", "t", "AUTHLETE_JAVA_OPTS", "-Djava.library.path=" + dir.resolve("none")),
                    Map.of("AUTHLETE_BEARER", "t", "AUTHLETE_JAVA_OPTS", "-Djava.library.path=" + unloadable()));
            List<String> implementations =
                    List.of("* TLS: Conscrypt (native)", "* TLS: the JDK's", "* TLS: the JDK's", "* TLS: the JDK's");
            for (int i = 0; i < providers.size(); i++) {
                Map<String, String> environment = providers.get(i);
                LauncherProcess.Result debug = list(environment, good, "good", "--debug");
                assertThat(debug.exitCode()).as(debug.err()).isZero();
                assertThat(debug.err()).as(environment.toString()).contains(implementations.get(i));
                LauncherProcess.Result ok = list(environment, good, "good", "-F", "json");
                assertThat(ok.exitCode()).as(environment + ": " + ok.err()).isZero();
                assertThat(ok.out()).as(environment.toString()).contains("\"serviceName\":\"tls\"");
                assertThat(ok.err()).as(environment.toString()).isEmpty();

                LauncherProcess.Result refused = list(environment, elsewhere, "elsewhere", "--retry", "0");
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
