package com.authlete.toolkit.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A client as one file describes it, environment references replaced and checked against the schema.
 *
 * @param file     its file, relative to the directory ({@code clients/web-app.yaml})
 * @param clientId the live client it describes, or null when it is matched by alias or name (or new)
 * @param body     its fields, without {@code clientId}
 */
public record DesiredClient(String file, Long clientId, ObjectNode body) {

    /** What a new client is matched by: its {@code clientIdAlias}, else its {@code clientName}; empty when it has neither. */
    public String matchKey() {
        return nameOf(body);
    }

    /**
     * A client's alias, else its name, else empty: what people and files call it. An alias that is only the client's
     * own id (the API's default for a client created without one) names nothing a person chose.
     */
    static String nameOf(JsonNode client) {
        String alias = client.path("clientIdAlias").asText("");
        boolean chosen =
                !alias.isEmpty() && !alias.equals(client.path("clientId").asText());
        return chosen ? alias : client.path("clientName").asText("");
    }

    public String label() {
        String key = matchKey();
        return key.isEmpty() ? file : key;
    }
}
