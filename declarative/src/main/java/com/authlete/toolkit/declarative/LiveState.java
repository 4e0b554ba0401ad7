package com.authlete.toolkit.declarative;

import com.authlete.toolkit.core.client.AuthleteClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A service and its clients as the API reports them now.
 *
 * @param serviceId the service's id (its API key)
 * @param service   the service, as {@code service get} answers
 * @param clients   every client, as {@code client list} answers (all pages)
 */
public record LiveState(String serviceId, JsonNode service, List<JsonNode> clients) {

    public LiveState {
        clients = List.copyOf(clients);
    }

    public static LiveState fetch(AuthleteClient authlete, String serviceId) {
        Map<String, String> service = Map.of("serviceId", serviceId);
        return new LiveState(
                serviceId,
                authlete.call("service get", service),
                authlete.items("client list", service).toList());
    }
}
