package com.authlete.toolkit.credentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Where the lock of a file's read-modify-write lives: not beside the file (a lock file in a project folder would be
 * committed, one in the config folder is clutter), but in the user's runtime folder ({@code $XDG_RUNTIME_DIR}, else a
 * private folder of the user's under the temporary folder), named after the file's absolute path. A lock file is
 * never deleted: deleting one while another process waits on it would let two writers in.
 */
final class LockFiles {

    private LockFiles() {}

    static Path of(Path file, Map<String, String> environment) throws IOException {
        String runtime = environment.getOrDefault("XDG_RUNTIME_DIR", "");
        Path folder = !runtime.isBlank() && Files.isDirectory(Path.of(runtime))
                ? Path.of(runtime, "authlete")
                : Path.of(System.getProperty("java.io.tmpdir"), "authlete-locks-" + System.getProperty("user.name"));
        if (!Files.isDirectory(folder)) {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(
                        folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(folder);
            }
        }
        return folder.resolve(digest(file.toAbsolutePath().normalize().toString()) + ".lock");
    }

    private static String digest(String text) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
