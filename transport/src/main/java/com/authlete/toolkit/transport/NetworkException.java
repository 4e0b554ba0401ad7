package com.authlete.toolkit.transport;

import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.core.ErrorCategory;
import java.net.URI;

/** No usable answer arrived: the connection failed, was reset, or timed out. */
public class NetworkException extends AuthleteException {

    private static final long serialVersionUID = 1L;

    private final boolean timeout;

    public NetworkException(URI uri, String what, boolean timeout, Throwable cause) {
        super(ErrorCategory.NETWORK, what + " (" + uri.getScheme() + "://" + uri.getAuthority() + ")", cause);
        this.timeout = timeout;
    }

    public boolean isTimeout() {
        return timeout;
    }
}
