package com.authlete.toolkit.transport;

/**
 * The server answered with a redirect (3xx). Redirects are never followed: the request carries the API token, and
 * the API does not redirect; an answer like this comes from a proxy, a login page or a misconfigured server URL.
 */
public final class RedirectException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final String location;

    /** @param location where the server pointed (query values redacted), or null when it did not say */
    public RedirectException(int status, String location) {
        super(
                status,
                "the server answered HTTP " + status
                        + (StatusText.of(status).isEmpty() ? "" : " " + StatusText.of(status)) + ", a redirect "
                        + (location == null ? "without a Location" : "to " + location)
                        + "; not followed (the token would go with it): check the server URL");
        this.location = location;
    }

    public String location() {
        return location;
    }
}
