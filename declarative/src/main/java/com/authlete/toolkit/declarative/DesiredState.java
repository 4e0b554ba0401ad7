package com.authlete.toolkit.declarative;

import com.authlete.toolkit.core.catalog.ResourceSchema;
import com.authlete.toolkit.json.JsonTrees;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * @param service the service's fields, or null when there is no {@code service.yaml}
 * @param clients the clients, in file name order
 */
public record DesiredState(ObjectNode service, List<DesiredClient> clients) {

    public static final String SERVICE_FILE = "service.yaml";
    public static final String CLIENTS_DIR = "clients";

    private static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .nodeFactory(JsonTrees.NODES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    public DesiredState {
        clients = List.copyOf(clients);
    }

    public static DesiredState read(Path directory, Map<String, String> environment)
            throws ConfigFileException, IOException {
        if (!Files.isDirectory(directory)) {
            throw new ConfigFileException(directory.toString(), "", "no such directory");
        }
        Substitution substitution = new Substitution(environment);
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
                        .check(ResourceSchema.of("client").fields(), substitution.apply(parse(file, name), name, ""));
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
        return new DesiredState(service, clients);
    }

    private static JsonNode parse(Path file, String name) throws ConfigFileException, IOException {
        try {
            JsonNode tree = YAML.readTree(file.toFile());
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                throw new ConfigFileException(name, "", "the file is empty");
            }
            return tree;
        } catch (JsonParseException e) {
            String where =
                    e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new ConfigFileException(
                    name,
                    "",
                    "not valid YAML" + where + ": "
                            + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
    }
}
