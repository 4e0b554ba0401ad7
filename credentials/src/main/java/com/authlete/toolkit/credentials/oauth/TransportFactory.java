package com.authlete.toolkit.credentials.oauth;

import com.authlete.toolkit.credentials.CredentialsException;
import com.authlete.toolkit.transport.HttpTransport;
import java.net.URI;

/**
 * Makes a transport for an authorization server's origin ({@code https://host:port}), configured like the one
 * for API calls (proxies, trusted certificates, debug log, redaction), but without the API's bearer token.
 */
@FunctionalInterface
public interface TransportFactory {

    HttpTransport forOrigin(URI origin) throws CredentialsException;

    /** A plain transport with default settings. */
    static TransportFactory plain(String userAgent) {
        return origin -> {
            try {
                return HttpTransport.builder()
                        .baseUrl(origin)
                        .userAgent(userAgent)
                        .build();
            } catch (IllegalArgumentException e) {
                throw new CredentialsException(e.getMessage());
            }
        };
    }
}
