package com.authlete.toolkit.credentials;

import com.authlete.toolkit.core.json.JsonTrees;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Reading and atomically rewriting the small YAML files of this module (config and link files). */
final class YamlFiles {

    /** Built on first use only: a run without config or link file never loads YAML support. */
    private static final class Yaml {
        static final YAMLFactory FACTORY = YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .build();
    }

    /** Data binding for writing only (configure, link); reading a file on every command does without it. */
    private static final class Binding {
        static final YAMLMapper MAPPER = new YAMLMapper(Yaml.FACTORY);
    }

    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");

    /** Changes a document; returns false to leave the file as it is. */
    @FunctionalInterface
    interface Edit {
        boolean apply(ObjectNode document) throws CredentialsException;
    }

    private YamlFiles() {
    }

    /** The document, or an empty one when the file does not exist; a broken file is an error naming its line. */
    static ObjectNode read(Path file) throws CredentialsException {
        if (!Files.exists(file)) {
            return JsonTrees.NODES.objectNode();
        }
        try {
            JsonNode node;
            try (JsonParser parser = Yaml.FACTORY.createParser(file.toFile())) {
                node = JsonTrees.read(parser);
            }
            if (node == null || node.isMissingNode() || node.isNull()) {
                return JsonTrees.NODES.objectNode();
            }
            if (!node.isObject()) {
                throw new CredentialsException(file + " is not a YAML mapping; fix or remove it");
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new CredentialsException(file + " is not valid YAML" + where + ": " + e.getOriginalMessage()
                    + "; fix or remove it", e);
        } catch (IOException e) {
            throw new CredentialsException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Read-modify-write under a lock file (so concurrent writers do not lose each other's changes), written to
     * a temporary file beside the target and renamed over it (so readers never see half a file). A file that
     * does not parse is never overwritten.
     */
    static void update(Path file, boolean privateFile, Edit edit) throws CredentialsException {
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path lock = directory.resolve("." + file.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                ObjectNode document = read(file);
                if (!edit.apply(document)) {
                    return;
                }
                boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
                Path temporary = posix
                        ? Files.createTempFile(directory, "." + file.getFileName(), ".tmp", PosixFilePermissions.asFileAttribute(PRIVATE))
                        : Files.createTempFile(directory, "." + file.getFileName(), ".tmp");
                try {
                    try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                        out.write(java.nio.ByteBuffer.wrap(Binding.MAPPER.writeValueAsBytes(document)));
                        out.force(true);
                    }
                    if (posix && !privateFile) {
                        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
                    }
                    try {
                        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                    }
                } finally {
                    Files.deleteIfExists(temporary);
                }
            }
        } catch (IOException e) {
            throw new CredentialsException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
