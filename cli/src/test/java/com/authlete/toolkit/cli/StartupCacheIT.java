package com.authlete.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.core.testing.StubServer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's start-up archive (AppCDS on JDK 17-24, AOT cache on 25+), without timing anything: it is
 * recorded, the JVM really loads classes from it, a rebuilt jar gets a new one, and a broken one only means a
 * normal start.
 */
class StartupCacheIT {

    @TempDir
    Path cache;

    private LauncherProcess.Result run(Path jar, String mode, String javaOptions, String... args) throws Exception {
        List<String> command =
                new ArrayList<>(List.of(LauncherProcess.launcher().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(new File("/dev/null"));
        builder.environment().put("XDG_CACHE_HOME", cache.toString());
        builder.environment().put("AUTHLETE_CACHE", mode);
        builder.environment().put("AUTHLETE_JAR", jar.toString());
        builder.environment().put("AUTHLETE_JAVA_OPTS", javaOptions);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new LauncherProcess.Result(process.exitValue(), out, err);
    }

    private List<Path> archives() throws Exception {
        Path folder = cache.resolve("authlete");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches("(cds|aot)-.*\\.(jsa|aot)"))
                    .sorted()
                    .toList();
        }
    }

    private Path jarCopy() throws Exception {
        Path jar = cache.resolve("authlete.jar");
        Files.copy(LauncherProcess.launcher().resolveSibling("cli/target/authlete.jar"), jar);
        return jar;
    }

    /**
     * Real commands talk HTTPS and get an archive trained on a TLS exchange; plain http to a mock gets one without
     * the TLS classes (which would cost it time to load), chosen by --server-url or AUTHLETE_SERVER_URL.
     */
    @Test
    void httpsAndPlainHttpGetArchivesOfTheirOwn() throws Exception {
        Path jar = jarCopy();
        assertThat(run(jar, "sync", "", "--version").exitCode()).isZero();
        assertThat(archives())
                .singleElement()
                .satisfies(
                        archive -> assertThat(archive.getFileName().toString()).contains("-https-"));
        run(
                jar,
                "sync",
                "",
                "service",
                "list",
                "--server-url",
                "http://127.0.0.1:9",
                "--retry",
                "0",
                "--connect-timeout",
                "1s");
        assertThat(archives())
                .hasSize(2)
                .anySatisfy(
                        archive -> assertThat(archive.getFileName().toString()).contains("-http-"));
        Path https = archives().stream()
                .filter(a -> a.getFileName().toString().contains("-https-"))
                .findFirst()
                .orElseThrow();
        Path http = archives().stream()
                .filter(a -> a.getFileName().toString().contains("-http-"))
                .findFirst()
                .orElseThrow();
        assertThat(Files.size(https)).as("the https archive holds the TLS path").isGreaterThan(Files.size(http));
    }

    @Test
    void theArchiveIsRecordedAndTheJvmLoadsClassesFromIt() throws Exception {
        Path jar = jarCopy();
        assertThat(run(jar, "sync", "", "--version").exitCode()).isZero();
        assertThat(archives()).hasSize(1);

        Path log = cache.resolve("class-load.log");
        LauncherProcess.Result result =
                run(jar, "on", "-Xlog:class+load:file=" + log, "service", "list", "--dry-run", "--bearer", "x");
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> loaded = Files.readAllLines(log).stream()
                .filter(line -> line.contains("com.authlete.toolkit."))
                .toList();
        long shared = loaded.stream()
                .filter(line -> line.contains("shared objects file"))
                .count();
        assertThat(loaded).isNotEmpty();
        assertThat(shared).as("our classes loaded from the archive").isGreaterThan(loaded.size() * 8 / 10);
    }

    /**
     * A guard on what made start-up fast, without timing anything: a list over plain http, printed as received or
     * pretty, loads neither data binding's {@code ObjectMapper} nor the JDK's TLS implementation, and on JDK 17-20
     * the HTTP client's selector thread is gone before the JVM exits.
     */
    @Test
    void aListOverPlainHttpLoadsNeitherDataBindingNorTls() throws Exception {
        try (StubServer stub = new StubServer()) {
            stub.handler(request -> StubServer.Reply.json(
                    200,
                    "{\"start\":0,\"end\":1,\"totalCount\":1,\"services\":[{\"apiKey\":1,\"serviceName\":\"s\"}]}"));
            Path jar = jarCopy();
            for (String format : List.of("json", "pretty")) {
                Path log = cache.resolve("class-load-" + format + ".log");
                LauncherProcess.Result result = run(
                        jar,
                        "off",
                        "-Xlog:class+load:file=" + log,
                        "service",
                        "list",
                        "--bearer",
                        "x",
                        "--server-url",
                        stub.url(),
                        "-F",
                        format);
                assertThat(result.exitCode()).as(result.err()).isZero();
                assertThat(result.out()).contains("serviceName");
                List<String> loaded = Files.readAllLines(log);
                assertThat(loaded)
                        .as("classes loaded for -F " + format)
                        .isNotEmpty()
                        .noneMatch(line -> line.contains(" com.fasterxml.jackson.databind.ObjectMapper "))
                        .noneMatch(line -> line.contains(" sun.security.ssl.SSLContextImpl "));
            }
        }
    }

    /**
     * The launcher called by a relative path, and then through a symbolic link from elsewhere, names the jar the
     * same way: the archive recorded by the first call serves the second (a class-path mismatch would disable it).
     */
    @Test
    void oneArchiveServesTheLauncherHoweverItIsCalled() throws Exception {
        Path launcher = LauncherProcess.launcher();
        ProcessBuilder relative = new ProcessBuilder("./" + launcher.getFileName(), "--version")
                .directory(launcher.getParent().toFile())
                .redirectInput(new File("/dev/null"));
        relative.environment().put("XDG_CACHE_HOME", cache.toString());
        relative.environment().put("AUTHLETE_CACHE", "sync");
        relative.environment().remove("AUTHLETE_JAR");
        Process recording = relative.start();
        recording.getInputStream().readAllBytes();
        assertThat(recording.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(recording.exitValue()).isZero();
        assertThat(archives()).hasSize(1);

        Path link = Files.createSymbolicLink(cache.resolve("authlete-link"), launcher);
        Path log = cache.resolve("class-load-link.log");
        ProcessBuilder viaLink = new ProcessBuilder(link.toString(), "--version")
                .directory(cache.toFile())
                .redirectInput(new File("/dev/null"));
        viaLink.environment().put("XDG_CACHE_HOME", cache.toString());
        viaLink.environment().put("AUTHLETE_CACHE", "on");
        viaLink.environment().put("AUTHLETE_JAVA_OPTS", "-Xlog:class+load:file=" + log);
        viaLink.environment().remove("AUTHLETE_JAR");
        Process process = viaLink.start();
        assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .startsWith("authlete ");
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        List<String> ours = Files.readAllLines(log).stream()
                .filter(line -> line.contains("com.authlete.toolkit."))
                .toList();
        assertThat(ours).isNotEmpty().allMatch(line -> line.contains("shared objects file"));
        assertThat(archives()).hasSize(1);
        Files.delete(link); // the temporary folder's clean-up would warn about a link leading outside it
    }

    @Test
    void aRebuiltJarGetsAFreshArchiveInsteadOfAStaleOne() throws Exception {
        Path jar = jarCopy();
        run(jar, "sync", "", "--version");
        List<Path> first = archives();
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        run(jar, "sync", "", "--version");
        List<Path> second = archives();
        assertThat(second).hasSize(2).containsAll(first);
    }

    @Test
    void aBrokenArchiveOnlyMeansANormalStart() throws Exception {
        Path jar = jarCopy();
        run(jar, "sync", "", "--version");
        Path archive = archives().get(0);
        archive.toFile().setWritable(true);
        Files.writeString(archive, "not an archive");

        LauncherProcess.Result result = run(jar, "on", "", "--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("authlete ").hasLineCount(1);
        assertThat(result.err()).isEmpty();
    }

    @Test
    void withTheCacheOffNothingIsWritten() throws Exception {
        assertThat(run(jarCopy(), "off", "", "--version").exitCode()).isZero();
        assertThat(archives()).isEmpty();
    }
}
