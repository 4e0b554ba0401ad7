package com.authlete.toolkit.core.request;

import com.authlete.toolkit.core.catalog.Field;
import com.authlete.toolkit.core.catalog.Operation;
import com.authlete.toolkit.core.catalog.RequestBody;
import com.authlete.toolkit.core.exchange.PreparedRequest;
import com.authlete.toolkit.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the HTTP request of one catalog operation from parameters, body fields and whole bodies.
 *
 * <p>Whole bodies are layers: each later layer overrides the earlier ones field by field, and individual body
 * fields override every layer. The command line adds stdin first, then {@code --body}, then the field flags,
 * which gives its documented precedence: flags &gt; {@code --body} &gt; stdin.
 */
public final class RequestBuilder {

    private final Operation operation;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Map<String, Object> bodyFields = new LinkedHashMap<>();
    private final List<Layer> layers = new ArrayList<>();

    private record Layer(String origin, Object content) {}

    private RequestBuilder(Operation operation) {
        this.operation = Objects.requireNonNull(operation, "operation");
    }

    public static RequestBuilder forOperation(Operation operation) {
        return new RequestBuilder(operation);
    }

    /** Sets a path or query parameter by its API name; null means not given. */
    public RequestBuilder parameter(String name, Object value) {
        if (value != null) {
            parameters.put(name, value);
        }
        return this;
    }

    /** Whether a value was given for the parameter (call before any default is set). */
    public boolean hasParameter(String name) {
        return parameters.get(name) != null;
    }

    /** Sets a parameter only when it has no value yet: a default from settings, below any explicit value. */
    public RequestBuilder defaultParameter(String name, Object value) {
        if (value != null && !parameters.containsKey(name)) {
            parameters.put(name, value);
        }
        return this;
    }

    public RequestBuilder parameters(Map<String, ?> values) {
        values.forEach(this::parameter);
        return this;
    }

    /** Sets one top-level body field by its API name; null (or an empty collection) means not given. */
    public RequestBuilder bodyField(String name, Object value) {
        if (value != null && !(value instanceof Collection<?> c && c.isEmpty())) {
            bodyFields.put(name, value);
        }
        return this;
    }

    /** Adds a whole body as JSON text; {@code origin} (such as {@code --body}) names it in error messages. */
    public RequestBuilder bodyJson(String json, String origin) {
        if (json != null && !json.isBlank()) {
            layers.add(new Layer(origin, json));
        }
        return this;
    }

    /** The value given for a parameter (or set as its default), or null. */
    public Object parameterValue(String name) {
        return parameters.get(name);
    }

    /**
     * Puts a whole body under everything given so far and later: its fields count only where no other source
     * sets them (the current object, for an update that changes only some fields).
     */
    public RequestBuilder underlay(JsonNode body, String origin) {
        if (body != null && body.isObject()) {
            layers.add(0, new Layer(origin, body));
        }
        return this;
    }

    /** Adds a whole body as a JSON tree. */
    public RequestBuilder body(JsonNode body) {
        if (body != null && !body.isMissingNode() && !body.isNull()) {
            layers.add(new Layer("the body", body));
        }
        return this;
    }

    public Operation operation() {
        return operation;
    }

    /**
     * The names of the top-level body fields given so far (by fields and whole bodies alike, an underlay included), in
     * the order of the merged body: what an update would change.
     */
    public List<String> givenBodyFields() {
        if (operation.body() == null) {
            return List.of();
        }
        JsonNode merged = mergedBody(false).orElse(null);
        List<String> names = new ArrayList<>();
        if (merged != null && merged.isObject()) {
            merged.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    public PreparedRequest build() throws InvalidInputException {
        return build(true);
    }

    /**
     * The request with only the body fields given so far, required ones possibly missing: what a partial update shows
     * in a dry run before the current object is read.
     */
    public PreparedRequest buildPartial() throws InvalidInputException {
        return build(false);
    }

    private PreparedRequest build(boolean complete) throws InvalidInputException {
        String target = expandPath() + query();
        Map<String, String> headers = new LinkedHashMap<>();
        byte[] body = null;
        Optional<JsonNode> merged = mergedBody(complete);
        if (merged.isPresent()) {
            RequestBody spec = operation.body();
            headers.put("Content-Type", spec.isForm() ? spec.mediaType() : spec.mediaType() + "; charset=utf-8");
            body = encode(spec, merged.get());
        } else if (complete && operation.body() != null && operation.body().required()) {
            throw new InvalidInputException(
                    "'" + operation.command() + "' needs a request body: give its fields or a whole body");
        }
        return new PreparedRequest(operation.method(), target, headers, body);
    }

    private String expandPath() throws InvalidInputException {
        checkKnown(parameters.keySet(), operation.parameters(), "parameter");
        String path = operation.path();
        for (Field parameter : operation.pathParameters()) {
            Object value = parameters.get(parameter.name());
            if (value == null || value.toString().isEmpty()) {
                throw InvalidInputException.missing(parameter, false);
            }
            JsonNode converted = ValueConverter.convert(parameter, value);
            if (converted.asText().equals(".") || converted.asText().equals("..")) {
                // Dot segments would be resolved away by URI normalisation (here, in a proxy or at the server) and the
                // request would reach another endpoint than the one named.
                throw InvalidInputException.invalid(
                        parameter,
                        "cannot be '" + converted.asText()
                                + "': it would change the path of the request instead of naming a value");
            }
            path = path.replace("{" + parameter.name() + "}", UriEncoding.pathSegment(converted.asText()));
        }
        return path;
    }

    private String query() throws InvalidInputException {
        StringBuilder query = new StringBuilder();
        for (Field parameter : operation.queryParameters()) {
            Object value = parameters.get(parameter.name());
            if (value == null) {
                if (parameter.required()) {
                    throw InvalidInputException.missing(parameter, false);
                }
                continue;
            }
            JsonNode converted = ValueConverter.convert(parameter, value);
            for (JsonNode item : converted.isArray() ? converted : List.of(converted)) {
                query.append(query.length() == 0 ? '?' : '&')
                        .append(UriEncoding.formComponent(parameter.name()))
                        .append('=')
                        .append(UriEncoding.formComponent(item.isContainerNode() ? item.toString() : item.asText()));
            }
        }
        return query.toString();
    }

    private Optional<JsonNode> mergedBody(boolean checkRequired) throws InvalidInputException {
        if (operation.body() == null) {
            if (!layers.isEmpty() || !bodyFields.isEmpty()) {
                throw new InvalidInputException("'" + operation.command() + "' takes no request body");
            }
            return Optional.empty();
        }
        checkKnown(bodyFields.keySet(), operation.bodyFields(), "body field");
        JsonNode merged = null;
        for (Layer layer : layers) {
            JsonNode node = layer.content() instanceof JsonNode tree
                    ? tree
                    : Json.parse((String) layer.content(), layer.origin());
            merged = merged == null ? node.deepCopy() : overlay(merged, node, layer.origin());
        }
        if (!bodyFields.isEmpty()) {
            ObjectNode fields = JsonTrees.NODES.objectNode();
            for (Field field : operation.bodyFields()) {
                if (bodyFields.containsKey(field.name())) {
                    fields.set(field.name(), ValueConverter.convert(field, bodyFields.get(field.name())));
                }
            }
            merged = merged == null ? fields : overlay(merged, fields, "the given fields");
        }
        if (merged != null && checkRequired) {
            checkRequiredFields(merged);
        }
        return Optional.ofNullable(merged);
    }

    private static JsonNode overlay(JsonNode base, JsonNode top, String origin) throws InvalidInputException {
        if (!base.isObject() || !top.isObject()) {
            throw new InvalidInputException(
                    "cannot combine " + origin + " with another body: both must be JSON objects");
        }
        ((ObjectNode) base).setAll((ObjectNode) top);
        return base;
    }

    private void checkRequiredFields(JsonNode body) throws InvalidInputException {
        if (!body.isObject()) {
            return;
        }
        for (Field field : operation.bodyFields()) {
            if (field.required() && !body.has(field.name())) {
                throw InvalidInputException.missing(field, true);
            }
        }
    }

    private byte[] encode(RequestBody spec, JsonNode body) throws InvalidInputException {
        if (spec.isForm()) {
            if (!body.isObject()) {
                throw new InvalidInputException("a form-encoded body must be a JSON object of fields");
            }
            return FormEncoder.encode((ObjectNode) body).getBytes(StandardCharsets.UTF_8);
        }
        try {
            return JsonTrees.bytes(body);
        } catch (IOException e) {
            throw new InvalidInputException("cannot encode the body: " + e.getMessage(), e);
        }
    }

    private void checkKnown(Collection<String> given, List<Field> known, String kind) throws InvalidInputException {
        for (String name : given) {
            if (known.stream().noneMatch(field -> field.name().equals(name))) {
                throw new InvalidInputException("'" + operation.command() + "' has no " + kind + " '" + name + "'");
            }
        }
    }
}
