package com.authlete.toolkit.transport;

import com.authlete.toolkit.core.exchange.TransportResponse;
import com.authlete.toolkit.core.secrets.Redactor;
import com.authlete.toolkit.json.JsonTrees;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Turns an error response into an {@link ApiException}, reading a bounded start of its body. */
final class ErrorMapping {

    static final int MAX_ERROR_BODY = 64 * 1024;
    /** The streaming parser only: an error should not pay for data binding's start-up. */
    private static final JsonFactory JSON = JsonTrees.JSON;

    private ErrorMapping() {}

    /** @param bearer the token the request carried, masked wherever the error body repeats it; may be null */
    static ApiException toException(TransportResponse response, String bearer) {
        String body = "";
        try (InputStream in = response.body()) {
            body = Redactor.without(bearer, new String(in.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8));
        } catch (IOException ignored) {
            // The status alone still says what went wrong.
        }
        String resultCode = null;
        String resultMessage = null;
        try (JsonParser json = JSON.createParser(body)) {
            if (json.nextToken() == JsonToken.START_OBJECT) {
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String name = json.currentName();
                    JsonToken value = json.nextToken();
                    String text = value.isScalarValue() && value != JsonToken.VALUE_NULL ? json.getText() : null;
                    json.skipChildren();
                    if (name.equals("resultCode")) {
                        resultCode = text;
                    } else if (name.equals("resultMessage")) {
                        resultMessage = text;
                    }
                }
            }
        } catch (IOException notJson) {
            // Error bodies from proxies and gateways are often HTML or plain text.
        }
        return new ApiException(response.status(), resultCode, resultMessage, body);
    }
}
