package com.authlete.toolkit.core.exchange;

/**
 * What carries a request to the API: implemented by the transport module's HTTP client (found through
 * {@link ExchangeProvider}), or by a test double. The core knows no HTTP code and the transport no operation.
 */
public interface Exchange extends AutoCloseable {

    /**
     * Sends one request.
     *
     * @return the answer of a successful status, its body still to be read (close it to free the connection)
     * @throws com.authlete.toolkit.core.AuthleteException for an error status (with its category, status and result
     *                                                     code) or when no answer arrived
     */
    TransportResponse send(PreparedRequest request);

    /**
     * The request as it would go on the wire, for dry runs: the target made absolute, the headers the exchange adds
     * (such as the user agent and the token) included. Sends nothing.
     */
    PreparedRequest preview(PreparedRequest request);

    /** Frees the connections; throws nothing. */
    @Override
    void close();
}
