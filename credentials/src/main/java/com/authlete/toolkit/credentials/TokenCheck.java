package com.authlete.toolkit.credentials;

import com.authlete.toolkit.core.Operations;
import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.core.request.InvalidInputException;
import com.authlete.toolkit.transport.HttpTransport;
import com.authlete.toolkit.transport.TransportException;
import com.authlete.toolkit.transport.TransportResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Checks that the API accepts a token before anyone stores it, with the cheapest call the token may make: the
 * default service's {@code service get} when a service id is set (a service token), else {@code service list}
 * (which organization tokens may call).
 */
public final class TokenCheck {

    private TokenCheck() {
    }

    /**
     * @param http a transport carrying the token to check
     * @throws com.authlete.toolkit.transport.ApiException when the API refuses (401/403: the token is not accepted)
     */
    public static void check(HttpTransport http, String serviceId) throws TransportException, IOException {
        Operations<TransportResponse, TransportException> api = new Operations<>(Catalog.standard(), http::send);
        try (TransportResponse response = serviceId != null
                ? api.call("service get", Map.of("serviceId", serviceId), null)
                : api.call("service list", Map.of("start", 0, "end", 1), null)) {
            response.body().readAllBytes();
        } catch (InvalidInputException e) {
            throw new IllegalArgumentException("service id: " + e.getMessage(), e);
        }
    }
}
