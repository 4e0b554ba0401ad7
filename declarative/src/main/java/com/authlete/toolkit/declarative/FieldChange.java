package com.authlete.toolkit.declarative;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One difference in one field, from the live resource to the file.
 *
 * @param path   where ({@code extension.accessTokenDuration}); for an element of a set-like array, the array
 * @param change {@code ADDED} (only in the file), {@code REMOVED} (only live) or {@code CHANGED}
 * @param before the live value, or null
 * @param after  the file's value, or null
 * @param secret whether either value is a secret: shown masked, never in clear
 */
public record FieldChange(String path, Change change, JsonNode before, JsonNode after, boolean secret) {

    public enum Change {
        ADDED,
        CHANGED,
        REMOVED
    }
}
