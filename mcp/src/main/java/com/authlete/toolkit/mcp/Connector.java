package com.authlete.toolkit.mcp;

import com.authlete.toolkit.core.client.AuthleteClient;

/**
 * Opens a client for one tool call. Called per call, so that a token renewed or changed while the server runs
 * is picked up, as the CLI picks it up per command.
 */
@FunctionalInterface
public interface Connector {

    /** @throws Exception with a message fit for the tool's error result (no token, a bad setting) */
    AuthleteClient open() throws Exception;
}
