package com.authlete.toolkit.declarative;

import com.authlete.toolkit.core.catalog.ResourceSchema;
import com.authlete.toolkit.json.JsonTrees;
import com.authlete.toolkit.render.AtomicFile;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A live service and its clients as files: {@code service.yaml} and {@code clients/<alias or name>.yaml}, fields in
 * the API description's order, read-only and empty fields left out (see {@link Canonical}), so that an export of an
 * unchanged service gives the same bytes. No secret is written: each is replaced by an environment reference
 * ({@code ${env:AUTHLETE_CLIENT_WEB_APP_JWKS}}) listed in {@link ExportedFile#variables()}; text that holds a
 * literal <code>${</code> is written as <code>$${</code> so it reads back unchanged.
 */
public final class Export {

    /** One file: its path relative to the directory, its text, and the environment variables it refers to. */
    public record ExportedFile(String path, String text, List<String> variables) {}

    private static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    private Export() {}

    public static List<ExportedFile> of(LiveState live) {
        List<ExportedFile> files = new ArrayList<>();
        ResourceSchema service = ResourceSchema.of("service");
        files.add(file(
                DesiredState.SERVICE_FILE,
                "service " + live.serviceId(),
                Canonical.of(service.fields(), live.service()),
                "AUTHLETE_SERVICE"));
        ResourceSchema clientSchema = ResourceSchema.of("client");
        Map<String, Integer> wanted = new HashMap<>();
        live.clients().forEach(client -> wanted.merge(slug(Diff.liveLabel(client)), 1, Integer::sum));
        Set<String> taken = new HashSet<>();
        for (JsonNode client : live.clients()) {
            String clientId = client.path("clientId").asText();
            String slug = fileName(slug(Diff.liveLabel(client)), clientId, wanted, taken);
            ObjectNode body = JsonTrees.NODES.objectNode();
            body.put("clientId", client.path("clientId").asLong());
            body.setAll(Canonical.of(clientSchema.fields(), client));
            files.add(file(
                    DesiredState.CLIENTS_DIR + "/" + slug + ".yaml",
                    "client " + clientId + " of service " + live.serviceId(),
                    body,
                    "AUTHLETE_CLIENT_" + slug.toUpperCase(Locale.ROOT).replace('-', '_')));
        }
        return files;
    }

    /** Longest file name a client gets (before {@code -clientId} and {@code .yaml}): within every file system's limit. */
    static final int MAX_NAME = 64;

    /**
     * A client's file name, unique by construction: its label's slug when no other client wants the same one,
     * else with {@code -clientId} added, and again while that still meets a name taken or wanted by another client.
     * Client ids are unique, so this ends.
     */
    private static String fileName(String slug, String clientId, Map<String, Integer> wanted, Set<String> taken) {
        String name = slug.isEmpty() ? "client-" + clientId : slug;
        while (taken.contains(name) || (!name.equals(slug) && wanted.containsKey(name))) {
            name = name + "-" + clientId;
        }
        taken.add(name);
        return name;
    }

    /**
     * Writes the files into {@code directory} (made if missing), all or none: every file is written to a temporary
     * file first, and only when all are written are they renamed into place. Returns the files under
     * {@code clients/} that this export did not write (a client since deleted, or a file of the user's own). Nothing
     * is written through a symbolic link: a directory from elsewhere could point one outside the folder.
     */
    public static List<String> write(Path directory, List<ExportedFile> files) throws IOException {
        return write(directory, files, false);
    }

    /**
     * As {@link #write(Path, List)}; a file in the way that was changed since an export wrote it (or that an export
     * never wrote) is refused with {@link EditedFilesException}, before anything is written, unless {@code force}.
     */
    public static List<String> write(Path directory, List<ExportedFile> files, boolean force) throws IOException {
        Path clients = directory.resolve(DesiredState.CLIENTS_DIR);
        for (Path place : List.of(directory, clients)) {
            if (Files.isSymbolicLink(place)) {
                throw new IOException(place + " is a symbolic link; export writes only into folders of its own");
            }
        }
        Set<String> names = new HashSet<>();
        for (ExportedFile file : files) {
            Path target = directory.resolve(file.path());
            if (!names.add(file.path())) {
                throw new IOException("two files named " + target + "; nothing was written");
            }
            if (Files.isSymbolicLink(target) || (Files.exists(target) && !Files.isRegularFile(target))) {
                throw new IOException(
                        target + " is not a regular file; export replaces only files; nothing was written");
            }
        }
        if (!force) {
            List<String> edited = new ArrayList<>();
            for (ExportedFile file : files) {
                Path target = directory.resolve(file.path());
                if (Files.isRegularFile(target) && !unchangedSinceExport(target)) {
                    edited.add(file.path());
                }
            }
            if (!edited.isEmpty()) {
                throw new EditedFilesException(edited);
            }
        }
        Files.createDirectories(clients);
        Set<String> written = new HashSet<>();
        List<AtomicFile> pending = new ArrayList<>();
        try {
            for (ExportedFile file : files) {
                AtomicFile out = AtomicFile.create(directory.resolve(file.path()));
                pending.add(out);
                out.stream().write(file.text().getBytes(StandardCharsets.UTF_8));
            }
            for (int i = 0; i < files.size(); i++) {
                pending.get(i).commit(false); // no secret in it: readable like any source file
                written.add(files.get(i).path());
            }
        } finally {
            for (AtomicFile out : pending) {
                out.close();
            }
        }
        try (Stream<Path> listing = Files.list(directory.resolve(DesiredState.CLIENTS_DIR))) {
            return listing.map(path -> DesiredState.CLIENTS_DIR + "/" + path.getFileName())
                    .filter(name -> name.matches(".*\\.ya?ml") && !written.contains(name))
                    .sorted()
                    .toList();
        }
    }

    private static ExportedFile file(String path, String title, ObjectNode body, String prefix) {
        List<String> variables = new ArrayList<>();
        JsonNode safe = withoutSecrets(body, List.of(), prefix, variables);
        try {
            String yaml = YAML.writeValueAsString(safe);
            return new ExportedFile(
                    path,
                    "# " + title + " (exported; fingerprint " + fingerprint(yaml) + ")\n" + yaml,
                    List.copyOf(variables));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first line of an exported file names what the rest hashes to: an edit since the export shows. */
    private static final Pattern EXPORTED_HEADER =
            Pattern.compile("# [^\n]* \\(exported; fingerprint ([0-9a-f]{12})\\)\n");

    private static String fingerprint(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Whether a file is as an export wrote it: its header's fingerprint matches what follows. */
    static boolean asExported(String text) {
        Matcher header = EXPORTED_HEADER.matcher(text);
        return header.lookingAt() && header.group(1).equals(fingerprint(text.substring(header.end())));
    }

    private static boolean unchangedSinceExport(Path file) throws IOException {
        if (Files.size(file) > DesiredState.MAX_FILE_BYTES) {
            return false;
        }
        try {
            return asExported(Files.readString(file, StandardCharsets.UTF_8));
        } catch (CharacterCodingException notText) {
            return false;
        }
    }

    /**
     * Files in the way of an export that it would overwrite although someone changed them since an export wrote them
     * (or an export never did): the next export refuses them unless told to overwrite.
     */
    public static final class EditedFilesException extends IOException {
        private static final long serialVersionUID = 1L;
        private final List<String> files;

        EditedFilesException(List<String> files) {
            super(String.join(", ", files) + (files.size() == 1 ? " was" : " were")
                    + " changed since an export wrote " + (files.size() == 1 ? "it" : "them")
                    + " (or not written by export); nothing was written");
            this.files = List.copyOf(files);
        }

        public List<String> files() {
            return files;
        }
    }

    private static JsonNode withoutSecrets(
            JsonNode value, List<String> names, String variable, List<String> variables) {
        if (value.isObject()) {
            ObjectNode out = JsonTrees.NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                out.set(
                        member.getKey(),
                        withoutSecrets(
                                member.getValue(),
                                Secrets.below(names, value, member.getKey()),
                                variable + "_" + snake(member.getKey()),
                                variables));
            }
            return out;
        }
        if (value.isArray()) {
            ArrayNode out = JsonTrees.NODES.arrayNode(value.size());
            for (int i = 0; i < value.size(); i++) {
                out.add(withoutSecrets(value.get(i), names, variable + "_" + i, variables));
            }
            return out;
        }
        if (value.isTextual()) {
            if (Secrets.isSecret(names, value.asText())) {
                variables.add(variable);
                return JsonTrees.NODES.textNode(Substitution.reference(variable));
            }
            return JsonTrees.NODES.textNode(value.asText().replace("${", "$${"));
        }
        return value;
    }

    /** {@code authenticationCallbackApiSecret} → {@code AUTHENTICATION_CALLBACK_API_SECRET}. */
    static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** A file name from a label: lower case letters, digits and dashes. */
    static String slug(String label) {
        String slug = latin(label)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        slug = slug.length() <= MAX_NAME ? slug : slug.substring(0, MAX_NAME).replaceAll("-+$", "");
        // Device names Windows reserves with any extension (con.yaml cannot be made there).
        return WINDOWS_DEVICES.matcher(slug).matches() ? slug + "-client" : slug;
    }

    private static final Pattern WINDOWS_DEVICES = Pattern.compile("con|prn|aux|nul|com[0-9]|lpt[0-9]");
    private static final Map<String, String> LETTERS = Map.of(
            "ß", "ss", "æ", "ae", "Æ", "AE", "ø", "o", "Ø", "O", "œ", "oe", "Œ", "OE", "ł", "l", "Ł", "L", "đ", "d");

    /**
     * Latin letters with their accents taken off ({@code Café} is {@code Cafe}); letters of other scripts are
     * dropped, and a name left with nothing falls back to the client's id.
     */
    private static String latin(String label) {
        String decomposed = Normalizer.normalize(label, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(c -> {
            String letter = Character.toString(c);
            out.append(LETTERS.getOrDefault(letter, letter));
        });
        return out.toString();
    }
}
