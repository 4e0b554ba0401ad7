package com.authlete.toolkit.core.client;

import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.core.ErrorCategory;

/**
 * The client's token source found no token for an operation that needs one: nothing was sent. A
 * {@link ErrorCategory#NOT_AUTHENTICATED} failure that front ends phrase with the ways to give a token (the API
 * refusing a token, or a login that cannot be renewed, is the same category with other words).
 */
public final class MissingTokenException extends AuthleteException {

    private static final long serialVersionUID = 1L;

    MissingTokenException() {
        super(ErrorCategory.NOT_AUTHENTICATED, "no API token was found", null);
    }
}
