package com.authlete.toolkit.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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

    @Test
    void aDeviceIsWrittenIntoNeverReplaced(@TempDir Path dir) throws Exception {
        // Through a link of our own, so that a regression replaces the link in the test's folder, never /dev/null.
        Path devNull = Path.of("/dev/null");
        Path link = Files.createSymbolicLink(dir.resolve("out.json"), devNull);
        try (AtomicFile file = AtomicFile.create(link)) {
            file.stream().write("{\"code\":\"x\"}".getBytes(StandardCharsets.UTF_8));
            file.commit(true);
        }
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.isRegularFile(devNull)).isFalse();
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file left").containsExactly(link);
        }
    }

    @Test
    void aFifoIsWrittenIntoAsAShellWould(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor())
                .isZero();
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try (AtomicFile file = AtomicFile.create(fifo)) {
            file.stream().write("through the pipe".getBytes(StandardCharsets.UTF_8));
            file.commit(false);
        }
        assertThat(reader.get(30, TimeUnit.SECONDS)).isEqualTo("through the pipe");
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS))
                .as("still a FIFO")
                .isFalse();
        assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    @Test
    void aLinkStaysALinkAndTheFileItNamesIsRewritten(@TempDir Path dir) throws Exception {
        Path real = Files.writeString(dir.resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real);
        try (AtomicFile file = AtomicFile.create(link)) {
            file.stream().write("new".getBytes(StandardCharsets.UTF_8));
            file.commit(true);
        }
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(real)))
                .isEqualTo("rw-------");
    }

    @Test
    void aDirectoryIsRefused(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("out.json"));
        assertThatThrownBy(() -> AtomicFile.create(folder))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot write " + folder + ": it is a directory");
        assertThat(Files.isDirectory(folder)).isTrue();
    }
}
