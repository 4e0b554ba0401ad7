package com.authlete.toolkit.core;

import java.util.Map;

/**
 * Sends one prepared request and returns the response in whatever form the sender uses. The toolkit's transport
 * fits as a method reference ({@code httpTransport::send}), which keeps this module free of HTTP code and the
 * transport free of operations.
 *
 * @param <R> the response type
 * @param <E> the checked exception the sender throws
 */
@FunctionalInterface
public interface RequestSender<R, E extends Exception> {

    R send(String method, String target, Map<String, String> headers, byte[] body) throws E;
}
