package com.authlete.toolkit.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @Test
    void commitReplacesTheTargetWithTheRequestedMode(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out.json");
        Files.writeString(target, "old");
        try (AtomicFile file = AtomicFile.create(target)) {
            file.stream().write("{\"clientSecret\":\"s\"}".getBytes(StandardCharsets.UTF_8));
            assertThat(Files.readString(target)).isEqualTo("old");
            file.commit(true);
        }
        assertThat(Files.readString(target)).isEqualTo("{\"clientSecret\":\"s\"}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                .isEqualTo("rw-------");

        try (AtomicFile file = AtomicFile.create(target)) {
            file.stream().write("{}".getBytes(StandardCharsets.UTF_8));
            file.commit(false);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                .isEqualTo("rw-r--r--");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void anAbandonedWriteLeavesTheTargetUntouchedAndNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out.json");
        Files.writeString(target, "old");
        try (AtomicFile file = AtomicFile.create(target)) {
            file.stream().write("partial".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Files.readString(target)).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }
}
