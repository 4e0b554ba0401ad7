package com.authlete.toolkit.core.client;

import com.authlete.toolkit.core.request.PreparedRequest;
import java.io.IOException;
import java.io.InputStream;

/**
 * What carries a request for {@link AuthleteClient}: the transport module's HTTP client (joined by the credentials
 * module's {@code AuthleteConnections}), or a
 * test double. Returns the body of a successful answer; an API error is an {@link AuthleteApiException}.
 */
@FunctionalInterface
public interface Exchange {

    InputStream send(PreparedRequest request) throws IOException;
}
