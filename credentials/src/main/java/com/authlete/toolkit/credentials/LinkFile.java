package com.authlete.toolkit.credentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code .authlete.yaml}: settings for a directory tree, found by walking up from the current directory (as git
 * finds {@code .git}). {@code authlete link 715948317} writes one with {@code service-id: "715948317"}.
 */
public record LinkFile(Path path, Map<String, String> values) {

    public static final String NAME = ".authlete.yaml";

    public static Optional<LinkFile> find(Path start) throws CredentialsException {
        for (Path directory = start.toAbsolutePath().normalize();
                directory != null;
                directory = directory.getParent()) {
            Path candidate = directory.resolve(NAME);
            if (Files.isRegularFile(candidate)) {
                Map<String, String> values = new LinkedHashMap<>();
                YamlFiles.read(candidate)
                        .fields()
                        .forEachRemaining(field ->
                                values.put(field.getKey(), field.getValue().asText()));
                return Optional.of(new LinkFile(candidate, values));
            }
        }
        return Optional.empty();
    }

    /** Writes (atomically) the link file of a directory, keeping keys it already had. */
    public static Path write(Path directory, Map<String, String> values) throws CredentialsException {
        Path file = directory.resolve(NAME);
        YamlFiles.update(file, false, document -> {
            values.forEach(document::put);
            return true;
        });
        return file;
    }

    /** Removes the link file of this directory (not one above it); false when it has none. */
    public static boolean remove(Path directory) throws CredentialsException {
        Path file = directory.resolve(NAME);
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new CredentialsException("cannot remove " + file + ": " + e.getMessage(), e);
        }
    }
}
