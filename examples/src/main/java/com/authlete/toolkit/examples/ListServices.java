package com.authlete.toolkit.examples;

import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.core.client.AuthleteClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.net.URI;
import java.util.Map;

/**
 * Lists the services a token can see, using the library without the CLI: the catalog names the operation, the
 * transport sends it.
 *
 * <pre>AUTHLETE_BEARER=... java -cp ... com.authlete.toolkit.examples.ListServices [server-url]</pre>
 */
public final class ListServices {

    private ListServices() {}

    public static void main(String[] args) {
        try {
            run(args.length > 0 ? URI.create(args[0]) : null, Examples.token(), System.out);
        } catch (AuthleteException e) {
            System.err.println(
                    "Authlete said: " + e.resultMessage().orElse(e.getMessage()) + " (" + e.category() + ")");
            System.exit(1);
        }
    }

    /** Prints one line per service: its number and name; {@code server} null for the first cluster. */
    public static void run(URI server, String token, PrintStream out) {
        AuthleteClient.Builder builder = AuthleteClient.builder().token(token);
        try (AuthleteClient authlete = (server == null ? builder : builder.baseUrl(server)).build()) {
            JsonNode page = authlete.call("service list", Map.of("start", 0, "end", 100));
            for (JsonNode service : page.path("services")) {
                out.println(service.path("apiKey").asText() + "\t"
                        + service.path("serviceName").asText());
            }
        }
    }
}
