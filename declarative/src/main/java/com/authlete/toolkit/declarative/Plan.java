package com.authlete.toolkit.declarative;

import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.core.catalog.ResourceSchema;
import com.authlete.toolkit.core.client.AuthleteClient;
import com.authlete.toolkit.core.client.Update;
import com.authlete.toolkit.core.exchange.PreparedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The API calls that make the live service match a {@link Diff}, in a safe order: the service first (clients may
 * rely on what it allows), then new and changed clients in file order, then deletions. {@link #apply} stops at the
 * first error; its report says what was done before it.
 *
 * @param serviceId the service
 * @param steps     one call per resource that differs
 */
public record Plan(String serviceId, List<Step> steps) {

    /** One call: the operation by command words, its parameters, and its body (a whole resource) or null. */
    public record Step(ResourceDiff resource, String command, Map<String, String> parameters, JsonNode body) {}

    /** A step done, with the id the server gave a new client. */
    public record Applied(ResourceDiff resource, String id) {}

    /** What {@link #apply} did: the steps done, and the step that failed with its error (both null when none did). */
    public record Report(List<Applied> applied, Step failed, AuthleteException error) {
        public boolean complete() {
            return failed == null;
        }
    }

    public Plan {
        steps = List.copyOf(steps);
    }

    public static Plan of(Diff diff) {
        List<ResourceDiff> ordered = new ArrayList<>();
        // Service first, then clients created and updated (in file order), then deletions.
        diff.resources().stream().filter(Plan::isService).forEach(ordered::add);
        diff.resources().stream()
                .filter(r -> !isService(r) && r.action() != ResourceDiff.Action.DELETE)
                .forEach(ordered::add);
        diff.resources().stream()
                .filter(r -> r.action() == ResourceDiff.Action.DELETE)
                .forEach(ordered::add);
        return new Plan(
                diff.serviceId(),
                ordered.stream()
                        .map(resource -> step(diff.serviceId(), resource))
                        .toList());
    }

    private static boolean isService(ResourceDiff resource) {
        return resource.kind().equals("service");
    }

    private static Step step(String serviceId, ResourceDiff resource) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("serviceId", serviceId);
        if (isService(resource)) {
            return new Step(resource, "service update", parameters, resource.desired());
        }
        return switch (resource.action()) {
            case CREATE -> new Step(resource, "client create", parameters, resource.desired());
            case UPDATE -> {
                parameters.put("clientId", resource.id());
                yield new Step(resource, "client update", parameters, resource.desired());
            }
            default -> {
                parameters.put("clientId", resource.id());
                yield new Step(resource, "client delete", parameters, null);
            }
        };
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** The requests {@link #apply} would send, for a dry run; nothing is sent. */
    public List<PreparedRequest> requests(AuthleteClient authlete) {
        return steps.stream()
                .map(step -> authlete.prepare(step.command(), step.parameters(), step.body()))
                .toList();
    }

    /**
     * What changed on the server since the diff was made (someone else's change while the plan was being read): each
     * resource this plan would update or delete that now differs, or is gone. Empty when the plan still holds.
     */
    public List<String> drift(AuthleteClient authlete) {
        LiveState now = LiveState.fetch(authlete, serviceId);
        ResourceSchema serviceSchema = ResourceSchema.of("service");
        ResourceSchema clientSchema = ResourceSchema.of("client");
        Map<String, JsonNode> clients = new LinkedHashMap<>();
        now.clients().forEach(client -> clients.put(client.path("clientId").asText(), client));
        List<String> changed = new ArrayList<>();
        for (Step step : steps) {
            ResourceDiff resource = step.resource();
            if (resource.live() == null) {
                continue; // a client to create: nothing on the server to have changed
            }
            if (isService(resource)) {
                if (!Canonical.of(serviceSchema.fields(), now.service()).equals(resource.live())) {
                    changed.add("service " + serviceId + " was changed");
                }
                continue;
            }
            JsonNode client = clients.get(resource.id());
            if (client == null) {
                changed.add("client " + resource.name() + " (clientId " + resource.id() + ") was deleted");
            } else if (!Canonical.of(clientSchema.fields(), client).equals(resource.live())) {
                changed.add("client " + resource.name() + " (clientId " + resource.id() + ") was changed");
            }
        }
        return changed;
    }

    /** Sends the steps in order; {@code progress} hears of each one done. Stops at the first error. */
    public Report apply(AuthleteClient authlete, Consumer<Applied> progress) {
        List<Applied> applied = new ArrayList<>();
        for (Step step : steps) {
            try {
                // A step carries the whole resource as the files describe it: sent as it is.
                JsonNode answer = authlete.call(step.command(), step.parameters(), step.body(), Update.REPLACE);
                String id = step.resource().id();
                if (step.resource().action() == ResourceDiff.Action.CREATE
                        && answer != null
                        && answer.hasNonNull("clientId")) {
                    id = answer.get("clientId").asText();
                }
                Applied done = new Applied(step.resource(), id);
                applied.add(done);
                progress.accept(done);
            } catch (AuthleteException e) {
                return new Report(applied, step, e);
            }
        }
        return new Report(applied, null, null);
    }
}
