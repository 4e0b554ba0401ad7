package com.authlete.toolkit.transport;

import com.authlete.toolkit.core.exchange.TransportResponse;
import java.io.IOException;

/**
 * A step around each HTTP exchange, in the manner of OkHttp's interceptors: a hook sees the request, may change
 * it, passes it on with {@link Chain#proceed}, and may look at or replace the response. Debug logging,
 * redaction and retries are hooks; a program may add its own.
 */
@FunctionalInterface
public interface ExchangeHook {

    TransportResponse intercept(Chain chain) throws IOException;

    /** The rest of the exchange, from one hook's point of view. */
    interface Chain {

        TransportRequest request();

        /** Sends the request through the remaining hooks and the network; may be called again to retry. */
        TransportResponse proceed(TransportRequest request) throws IOException;
    }
}
