package com.authlete.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fifty {@code configure} processes write one config file at the same time while a reader keeps parsing it: the
 * file must parse at every moment and end with one of the written values (and, since writers take a lock, with
 * every profile written).
 */
class ConfigConcurrencyIT {

    @Test
    void fiftyConcurrentConfiguresNeverLeaveABrokenFile(@TempDir Path home) throws Exception {
        Path config = home.resolve("authlete/config.yaml");
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger parsed = new AtomicInteger();
        List<String> brokenReads = new ArrayList<>();
        Thread reader = new Thread(() -> {
            YAMLMapper yaml = new YAMLMapper();
            while (writing.get()) {
                try {
                    if (Files.exists(config)) {
                        yaml.readTree(Files.readString(config));
                        parsed.incrementAndGet();
                    }
                } catch (Exception e) {
                    synchronized (brokenReads) {
                        brokenReads.add(e.toString());
                    }
                }
            }
        });
        reader.start();
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ProcessBuilder builder = new ProcessBuilder(
                            LauncherProcess.launcher().toString(),
                            "configure",
                            "--profile",
                            "shared",
                            "--service-id",
                            String.valueOf(i),
                            "--server",
                            String.valueOf(i % 4))
                    .redirectInput(new File("/dev/null"))
                    .redirectErrorStream(true);
            builder.environment().put("XDG_CONFIG_HOME", home.toString());
            builder.environment().put("AUTHLETE_KEYCHAIN", "none");
            builder.environment().put("AUTHLETE_JAVA_OPTS", "-Xmx48m");
            processes.add(builder.start());
        }
        Set<Integer> failures = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < processes.size(); i++) {
            Process process = processes.get(i);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            if (process.exitValue() != 0) {
                failures.add(i);
            }
        }
        writing.set(false);
        reader.join();

        assertThat(failures).as("configure runs that failed").isEmpty();
        assertThat(brokenReads).as("reads that saw a broken file").isEmpty();
        assertThat(parsed.get()).isPositive();
        JsonNode document = new YAMLMapper().readTree(config.toFile());
        String serviceId =
                document.path("profiles").path("shared").path("service-id").asText();
        assertThat(IntStream.range(0, 50).mapToObj(String::valueOf).collect(Collectors.toSet()))
                .contains(serviceId);
        assertThat(document.path("default-profile").asText()).isEqualTo("shared");
        try (var files = Files.list(config.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".tmp")))
                    .isEmpty();
        }
    }
}
