package com.authlete.toolkit.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Turns an error response into an {@link ApiException}, reading a bounded start of its body. */
final class ErrorMapping {

    static final int MAX_ERROR_BODY = 64 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ErrorMapping() {
    }

    static ApiException toException(TransportResponse response) {
        String body = "";
        try (InputStream in = response.body()) {
            body = new String(in.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
        } catch (IOException ignored) {
            // The status alone still says what went wrong.
        }
        String resultCode = null;
        String resultMessage = null;
        try {
            JsonNode json = MAPPER.readTree(body);
            if (json != null && json.isObject()) {
                resultCode = textOrNull(json.get("resultCode"));
                resultMessage = textOrNull(json.get("resultMessage"));
            }
        } catch (IOException notJson) {
            // Error bodies from proxies and gateways are often HTML or plain text.
        }
        return new ApiException(response.status(), resultCode, resultMessage, body);
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
