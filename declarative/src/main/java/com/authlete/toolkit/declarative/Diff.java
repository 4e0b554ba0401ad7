package com.authlete.toolkit.declarative;

import com.authlete.toolkit.core.catalog.ResourceSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The differences between a configuration directory and the live service. Clients are matched by {@code clientId}
 * when a file names one, otherwise by {@code clientIdAlias} (or {@code clientName} when it has no alias) among the
 * live clients no other file claims; a file that matches none is a client to create. Live clients no file
 * matches are {@code DELETE} when pruning, {@code UNMANAGED} otherwise (shown, never counted as a difference).
 *
 * <pre>{@code
 * Diff diff = Diff.between(DesiredState.read(dir, System.getenv()), LiveState.fetch(authlete, serviceId), false);
 * if (!diff.isEmpty()) Plan.of(diff).apply(authlete, step -> System.out.println("done: " + step.name()));
 * }</pre>
 *
 * @param serviceId the service compared
 * @param resources what differs, service first, then clients in file order, then deletions
 * @param unmanaged live clients no file describes, when not pruning
 */
public record Diff(String serviceId, List<ResourceDiff> resources, List<ResourceDiff> unmanaged) {

    public Diff {
        resources = List.copyOf(resources);
        unmanaged = List.copyOf(unmanaged);
    }

    /** Whether applying would change nothing. */
    public boolean isEmpty() {
        return resources.isEmpty();
    }

    public static Diff between(DesiredState desired, LiveState live, boolean prune) throws ConfigFileException {
        ResourceSchema serviceSchema = ResourceSchema.of("service");
        ResourceSchema clientSchema = ResourceSchema.of("client");
        List<ResourceDiff> resources = new ArrayList<>();
        if (desired.service() != null) {
            ObjectNode merged = Overlay.of(live.service(), desired.service());
            List<FieldChange> changes = Differ.between(
                    serviceSchema.fields(),
                    Canonical.of(serviceSchema.fields(), live.service()),
                    Canonical.of(serviceSchema.fields(), merged));
            if (!changes.isEmpty()) {
                resources.add(new ResourceDiff(
                        ResourceDiff.Action.UPDATE,
                        "service",
                        "service",
                        DesiredState.SERVICE_FILE,
                        live.serviceId(),
                        changes,
                        Overlay.writable(serviceSchema.fields(), merged),
                        Canonical.of(serviceSchema.fields(), live.service())));
            }
        }
        Map<Long, JsonNode> liveById = new LinkedHashMap<>();
        live.clients().forEach(client -> liveById.put(client.path("clientId").longValue(), client));
        Set<Long> claimed = new HashSet<>();
        for (DesiredClient client : desired.clients()) {
            if (client.clientId() != null) {
                if (!liveById.containsKey(client.clientId())) {
                    throw new ConfigFileException(
                            client.file(),
                            "clientId",
                            "service " + live.serviceId() + " has no client " + client.clientId()
                                    + "; remove clientId to create it (or to match it by clientIdAlias or clientName)");
                }
                claimed.add(client.clientId());
            }
        }
        Map<String, List<Long>> byKey = new HashMap<>();
        liveById.forEach((id, client) -> {
            if (!claimed.contains(id)) {
                for (String key : new String[] {
                    client.path("clientIdAlias").asText(""),
                    client.path("clientName").asText("")
                }) {
                    if (!key.isEmpty()) {
                        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
                    }
                }
            }
        });
        for (DesiredClient client : desired.clients()) {
            ObjectNode wanted = Canonical.of(clientSchema.fields(), client.body());
            Long id = client.clientId() != null ? client.clientId() : match(client, byKey, claimed);
            if (id == null) {
                resources.add(new ResourceDiff(
                        ResourceDiff.Action.CREATE,
                        "client",
                        client.label(),
                        client.file(),
                        null,
                        Differ.between(clientSchema.fields(), Canonical.of(clientSchema.fields(), null), wanted),
                        // As the file spells it (an explicit false is sent, not left to a default); nulls left out.
                        Overlay.writable(clientSchema.fields(), Overlay.of(null, client.body())),
                        null));
                continue;
            }
            claimed.add(id);
            ObjectNode current = Canonical.of(clientSchema.fields(), liveById.get(id));
            ObjectNode merged = Overlay.of(liveById.get(id), client.body());
            List<FieldChange> changes =
                    Differ.between(clientSchema.fields(), current, Canonical.of(clientSchema.fields(), merged));
            if (!changes.isEmpty()) {
                resources.add(new ResourceDiff(
                        ResourceDiff.Action.UPDATE,
                        "client",
                        client.label(),
                        client.file(),
                        String.valueOf(id),
                        changes,
                        Overlay.writable(clientSchema.fields(), merged),
                        current));
            }
        }
        List<ResourceDiff> unmanaged = new ArrayList<>();
        liveById.forEach((id, client) -> {
            if (!claimed.contains(id)) {
                ResourceDiff extra = new ResourceDiff(
                        prune ? ResourceDiff.Action.DELETE : ResourceDiff.Action.UNMANAGED,
                        "client",
                        liveLabel(client),
                        null,
                        String.valueOf(id),
                        List.of(),
                        null,
                        Canonical.of(clientSchema.fields(), client));
                (prune ? resources : unmanaged).add(extra);
            }
        });
        return new Diff(
                live.serviceId(),
                resources.stream().map(resource -> hidden(resource, desired)).toList(),
                unmanaged.stream().map(resource -> hidden(resource, desired)).toList());
    }

    /**
     * The resource with every value substituted from the environment treated as a secret: a change that holds one is
     * shown masked, and a name that holds one shows it masked.
     */
    private static ResourceDiff hidden(ResourceDiff resource, DesiredState desired) {
        if (desired.substituted().isEmpty()) {
            return resource;
        }
        List<FieldChange> changes = resource.changes().stream()
                .map(change -> change.secret()
                                || !(desired.holdsSubstituted(change.before())
                                        || desired.holdsSubstituted(change.after()))
                        ? change
                        : new FieldChange(change.path(), change.change(), change.before(), change.after(), true))
                .toList();
        return new ResourceDiff(
                resource.action(),
                resource.kind(),
                desired.masked(resource.name()),
                resource.file(),
                resource.id(),
                changes,
                resource.desired(),
                resource.live());
    }

    private static Long match(DesiredClient client, Map<String, List<Long>> byKey, Set<Long> claimed)
            throws ConfigFileException {
        String key = client.matchKey();
        if (key.isEmpty()) {
            return null;
        }
        List<Long> candidates = byKey.getOrDefault(key, List.of()).stream()
                .filter(id -> !claimed.contains(id))
                .distinct()
                .toList();
        if (candidates.size() > 1) {
            throw new ConfigFileException(
                    client.file(),
                    "",
                    "'" + key + "' names " + candidates.size() + " live clients ("
                            + candidates.stream()
                                    .map(String::valueOf)
                                    .reduce((a, b) -> a + ", " + b)
                                    .orElse("")
                            + "); add clientId to say which");
        }
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    static String liveLabel(JsonNode client) {
        String name = DesiredClient.nameOf(client);
        return name.isEmpty() ? "client " + client.path("clientId").asText() : name;
    }
}
