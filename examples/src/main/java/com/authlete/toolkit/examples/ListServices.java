package com.authlete.toolkit.examples;

import com.authlete.toolkit.core.Operations;
import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.core.request.InvalidInputException;
import com.authlete.toolkit.transport.ApiException;
import com.authlete.toolkit.transport.HttpTransport;
import com.authlete.toolkit.transport.ServerSelection;
import com.authlete.toolkit.transport.TransportException;
import com.authlete.toolkit.transport.TransportResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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

    private ListServices() {
    }

    public static void main(String[] args) throws Exception {
        String token = Examples.token();
        URI server = ServerSelection.resolve(args.length > 0 ? args[0] : null, null, Catalog.standard().servers());
        try {
            run(server, token, System.out);
        } catch (ApiException e) {
            System.err.println("Authlete said: " + e.resultMessage().orElse(e.getMessage()) + " (HTTP " + e.status() + ")");
            System.exit(1);
        }
    }

    /** Prints one line per service: its number and name. */
    public static void run(URI server, String token, PrintStream out)
            throws InvalidInputException, TransportException, IOException {
        try (HttpTransport http = HttpTransport.builder().baseUrl(server).bearer(token).build()) {
            Operations<TransportResponse, TransportException> api = new Operations<>(Catalog.standard(), http::send);
            try (TransportResponse response = api.call("service list", Map.of("start", 0, "end", 100), null)) {
                JsonNode page = new ObjectMapper().readTree(response.body());
                for (JsonNode service : page.path("services")) {
                    out.println(service.path("apiKey").asText() + "\t" + service.path("serviceName").asText());
                }
            }
        }
    }
}
