package com.authlete.toolkit.examples;

import com.authlete.toolkit.core.client.AuthleteClient;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Lists every client of every service the token can see, page by page with the client's item streams (the
 * library's page walker, with its guards against servers that do not page): memory stays flat however many there are.
 *
 * <pre>AUTHLETE_BEARER=... java -cp ... com.authlete.toolkit.examples.ListAllClients [server-url]</pre>
 */
public final class ListAllClients {

    private ListAllClients() {}

    public static void main(String[] args) {
        System.out.println(
                run(args.length > 0 ? URI.create(args[0]) : null, Examples.token(), System.out) + " clients");
    }

    /** Prints {@code serviceId <TAB> clientId <TAB> clientName} per client; returns how many there were. */
    public static long run(URI server, String token, PrintStream out) {
        AuthleteClient.Builder builder = AuthleteClient.builder().token(token);
        try (AuthleteClient authlete = (server == null ? builder : builder.baseUrl(server)).build()) {
            List<String> services = authlete.items("service list", Map.of())
                    .map(service -> service.path("apiKey").asText())
                    .toList();
            long clients = 0;
            for (String serviceId : services) {
                clients += authlete.items("client list", Map.of("serviceId", serviceId))
                        .peek(client -> out.println(
                                serviceId + "\t" + client.path("clientId").asText() + "\t"
                                        + client.path("clientName").asText()))
                        .count();
            }
            return clients;
        }
    }
}
