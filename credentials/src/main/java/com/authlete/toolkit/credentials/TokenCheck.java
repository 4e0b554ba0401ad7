package com.authlete.toolkit.credentials;

import com.authlete.toolkit.core.client.AuthleteClient;
import com.authlete.toolkit.transport.HttpTransport;
import java.util.Map;

/**
 * Checks that the API accepts a token before anyone stores it, with the cheapest call the token may make: the
 * default service's {@code service get} when a service id is set (a service token), else {@code service list}
 * (which organization tokens may call).
 */
public final class TokenCheck {

    private TokenCheck() {}

    /**
     * @param http a transport carrying the token to check
     * @throws com.authlete.toolkit.core.AuthleteException when the API refuses (401/403: the token is not accepted)
     */
    public static void check(HttpTransport http, String serviceId) {
        // Not closed here: the transport is the caller's.
        AuthleteClient api = AuthleteClient.builder().exchange(http).build();
        if (serviceId != null) {
            api.call("service get", Map.of("serviceId", serviceId));
        } else {
            api.call("service list", Map.of("start", 0, "end", 1));
        }
    }
}
