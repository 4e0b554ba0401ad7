package com.authlete.toolkit.credentials.oauth;

import com.authlete.toolkit.credentials.CredentialsException;
import java.util.Optional;

/**
 * The authorization server refused (an OAuth {@code error} such as {@code access_denied} or {@code invalid_grant}),
 * or a login cannot go on. The command line ends these with exit status 3: the user has to log in (again).
 */
public final class OAuthException extends CredentialsException {

    private static final long serialVersionUID = 1L;

    private final String error;

    public OAuthException(String error, String message) {
        super(message);
        this.error = error;
    }

    /** The OAuth error code, when the server sent one. */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }
}
