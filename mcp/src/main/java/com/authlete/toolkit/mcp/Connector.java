package com.authlete.toolkit.mcp;

import com.authlete.toolkit.core.client.AuthleteClient;

/**
 * Sets up the engine for one tool call: the server, the token source, the default service id and the network
 * settings. Called per call, so that a token renewed or changed while the server runs is picked up, as the CLI picks
 * it up per command. The server adds its own answer to the engine's question before a destructive call.
 */
@FunctionalInterface
public interface Connector {

    /** @throws com.authlete.toolkit.core.AuthleteException or {@link IllegalArgumentException} for settings that cannot work */
    AuthleteClient.Builder builder();
}
