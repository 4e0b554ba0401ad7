package com.authlete.toolkit.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code ./authlete} launcher (the packaged jar) as a separate process. */
final class LauncherProcess {

    record Result(int exitCode, String out, String err) {}

    private LauncherProcess() {}

    static Path launcher() {
        String configured = System.getProperty("authlete.launcher");
        Path path = configured != null ? Path.of(configured) : Path.of("..", "authlete");
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(
                    "launcher not found at " + path.toAbsolutePath() + "; run the integration tests with mvn verify");
        }
        return path.toAbsolutePath().normalize();
    }

    /** Runs the launcher; {@code stdin} null means /dev/null. */
    static Result run(Map<String, String> environment, String stdin, List<String> args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(launcher().toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("AUTHLETE_BEARER");
        // A fresh config folder and no OS keychain, unless the test says otherwise.
        builder.environment()
                .put("XDG_CONFIG_HOME", TempDirs.create("authlete-config").toString());
        builder.environment().put("AUTHLETE_KEYCHAIN", "none");
        builder.environment().putAll(environment);
        Path out = Files.createTempFile("authlete-out", ".txt");
        Path err = Files.createTempFile("authlete-err", ".txt");
        try {
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            if (stdin == null) {
                builder.redirectInput(new File("/dev/null"));
            }
            Process process = builder.start();
            if (stdin != null) {
                try (var in = process.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("authlete " + args + " did not finish in 60 s");
            }
            // Lenient decoding: some cases make the program print bytes that are not UTF-8, on purpose.
            return new Result(
                    process.exitValue(),
                    new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
                    new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
