package com.authlete.toolkit.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Which values are secrets, for the output pipeline: masked in formats meant for people (pretty, table), and a
 * file that holds one is private (0600). The rules are the caller's (the toolkit's are in the transport's redaction
 * package); rendering knows none.
 */
public interface SecretPolicy {

    /** No secrets anywhere. */
    SecretPolicy NONE = new SecretPolicy() {
        @Override
        public JsonNode masked(JsonNode value, Set<String> shown) {
            return value;
        }

        @Override
        public boolean holdsSecrets(JsonNode value) {
            return false;
        }
    };

    /** A copy with secrets masked, except in the top-level fields named in {@code shown}. */
    JsonNode masked(JsonNode value, Set<String> shown);

    boolean holdsSecrets(JsonNode value);
}
