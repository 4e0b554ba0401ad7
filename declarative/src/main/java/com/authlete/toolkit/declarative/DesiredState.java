package com.authlete.toolkit.declarative;

import com.authlete.toolkit.core.catalog.ResourceSchema;
import com.authlete.toolkit.json.JsonTrees;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A configuration directory read into resources: {@code service.yaml} (optional: without it the service is not
 * managed) and one file per client under {@code clients/} ({@code .yaml} or {@code .yml}), in name order. Every
 * file is substituted ({@link Substitution}) and checked against the schema ({@code SchemaCheck}); the first
 * problem is a {@link ConfigFileException}.
 *
 * @param service     the service's fields, or null when there is no {@code service.yaml}
 * @param clients     the clients, in file name order
 * @param substituted every value the environment references put into the files: secrets to all output
 */
public record DesiredState(ObjectNode service, List<DesiredClient> clients, Set<String> substituted) {

    public static final String SERVICE_FILE = "service.yaml";
    public static final String CLIENTS_DIR = "clients";

    private static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .nodeFactory(JsonTrees.NODES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    public DesiredState {
        clients = List.copyOf(clients);
        substituted = Set.copyOf(substituted);
    }

    /** The text with every substituted value in it masked, longest first, as written and as JSON writes it. */
    public String masked(String text) {
        return masked(substituted, text);
    }

    private static String masked(Set<String> substituted, String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String value : substituted.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList()) {
            String json = JsonTrees.text(JsonTrees.NODES.textNode(value));
            out = out.replace(value, Secrets.MASK).replace(json.substring(1, json.length() - 1), Secrets.MASK);
        }
        return out;
    }

    /** Whether a value holds a substituted value somewhere in its text. */
    public boolean holdsSubstituted(JsonNode value) {
        if (value == null || substituted.isEmpty()) {
            return false;
        }
        String text = value.isTextual() ? value.asText() : value.toString();
        return substituted.stream().anyMatch(text::contains);
    }

    public static DesiredState read(Path directory, Map<String, String> environment)
            throws ConfigFileException, IOException {
        if (!Files.isDirectory(directory)) {
            throw new ConfigFileException(directory.toString(), "", "no such directory");
        }
        Substitution substitution = new Substitution(environment);
        try {
            ObjectNode service = null;
            Path serviceFile = directory.resolve(SERVICE_FILE);
            if (Files.exists(serviceFile)) {
                service = new SchemaCheck("service", SERVICE_FILE, Set.of())
                        .check(
                                ResourceSchema.of("service").fields(),
                                substitution.apply(parse(serviceFile, SERVICE_FILE), SERVICE_FILE, ""));
            }
            List<DesiredClient> clients = new ArrayList<>();
            Path clientsDir = directory.resolve(CLIENTS_DIR);
            if (Files.isDirectory(clientsDir)) {
                List<Path> files;
                try (Stream<Path> listing = Files.list(clientsDir)) {
                    files = listing.filter(path -> path.getFileName().toString().matches(".*\\.ya?ml"))
                            .sorted()
                            .toList();
                }
                Map<Long, String> byId = new HashMap<>();
                for (Path file : files) {
                    String name = CLIENTS_DIR + "/" + file.getFileName();
                    ObjectNode body = new SchemaCheck("client", name, Set.of("clientId"))
                            .check(
                                    ResourceSchema.of("client").fields(),
                                    substitution.apply(parse(file, name), name, ""));
                    JsonNode id = body.remove("clientId");
                    Long clientId = id == null || id.isNull() ? null : id.longValue();
                    if (clientId != null) {
                        String other = byId.putIfAbsent(clientId, name);
                        if (other != null) {
                            throw new ConfigFileException(
                                    name, "clientId", "client " + clientId + " is also described by " + other);
                        }
                    }
                    clients.add(new DesiredClient(name, clientId, body));
                }
            }
            return new DesiredState(service, clients, substitution.values());
        } catch (ConfigFileException e) {
            // A bad value may have come from the environment: the message must not show it.
            throw e.masked(message -> masked(substitution.values(), message));
        }
    }

    /** Largest file read: a configuration file is a few kilobytes; anything near this is a mistake or an attack. */
    static final long MAX_FILE_BYTES = 1024 * 1024;

    /** Deepest nesting read: the schemas nest a few levels (a client's extension); a deeper file is refused early. */
    static final int MAX_DEPTH = 32;

    /**
     * Reads one file, which must be a regular file (never a folder, a device or a FIFO, which could block the read)
     * of at most {@link #MAX_FILE_BYTES}, nested at most {@link #MAX_DEPTH} levels, without YAML aliases (an alias would
     * otherwise be read as its anchor's name).
     */
    private static JsonNode parse(Path file, String name) throws ConfigFileException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigFileException(
                    name, "", "not a regular file (a folder, a device or a pipe); only files are read");
        }
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new ConfigFileException(
                    name,
                    "",
                    "the file holds " + size + " bytes; a configuration file may hold at most " + MAX_FILE_BYTES
                            + " (1 MiB)");
        }
        byte[] bytes = Files.readAllBytes(file);
        try (JsonParser parser = new WithoutAliases(YAML.getFactory().createParser(bytes))) {
            JsonNode tree = YAML.readTree(parser);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                throw new ConfigFileException(name, "", "the file is empty");
            }
            return tree;
        } catch (JsonProcessingException e) {
            String where =
                    e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new ConfigFileException(
                    name,
                    "",
                    "not valid YAML" + where + ": "
                            + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
    }

    /** Refuses a YAML alias ({@code *name}) where it stands, and nesting deeper than {@link #MAX_DEPTH}. */
    private static final class WithoutAliases extends JsonParserDelegate {

        WithoutAliases(JsonParser parser) {
            super(parser);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = super.nextToken();
            if (delegate instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                throw new JsonParseException(
                        this, "an alias (*" + yaml.getText() + ") is not read; write the value out");
            }
            if (token != null && token.isStructStart() && getParsingContext().getNestingDepth() > MAX_DEPTH) {
                throw new JsonParseException(this, "nested deeper than " + MAX_DEPTH + " levels");
            }
            return token;
        }
    }
}
