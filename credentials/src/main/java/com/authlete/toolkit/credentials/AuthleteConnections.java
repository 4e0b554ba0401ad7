package com.authlete.toolkit.credentials;

import com.authlete.toolkit.core.client.AuthleteApiException;
import com.authlete.toolkit.core.client.AuthleteClient;
import com.authlete.toolkit.transport.ApiException;
import com.authlete.toolkit.transport.HttpTransport;
import com.authlete.toolkit.transport.TransportException;
import java.io.IOException;

/**
 * Joins the two libraries for Java programs: the core's {@link AuthleteClient} (operations, no HTTP) over the
 * transport's {@link HttpTransport} (HTTP, no operations). Neither of those modules knows the other.
 */
public final class AuthleteConnections {

    private AuthleteConnections() {
    }

    /** A client whose requests go through {@code http}; closing the client closes the transport. */
    public static AuthleteClient over(HttpTransport http) {
        return AuthleteClient.over(request -> {
            try {
                return http.send(request.method(), request.target(), request.headers(), request.body()).body();
            } catch (ApiException e) {
                throw new AuthleteApiException(e.status(), e.resultCode().orElse(null), e.resultMessage().orElse(null), e.getMessage());
            } catch (TransportException e) {
                throw new IOException(e.getMessage(), e);
            }
        }, http);
    }
}
