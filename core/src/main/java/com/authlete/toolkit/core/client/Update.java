package com.authlete.toolkit.core.client;

/**
 * How an update of an operation that replaces a whole object (such as {@code client update}) treats the fields the
 * caller does not name. Operations that do not replace a whole object ignore it.
 */
public enum Update {
    /**
     * The current object is read first (with the {@code get} beside the update, which needs the token's read
     * permission) and only the given fields change: as {@code gh ... edit} and {@code kubectl patch} do.
     */
    MERGE,
    /** Exactly the given body is sent; the API resets every field it leaves out to its default. */
    REPLACE
}
