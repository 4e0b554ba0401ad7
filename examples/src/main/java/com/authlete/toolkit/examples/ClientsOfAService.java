package com.authlete.toolkit.examples;

import com.authlete.toolkit.core.client.AuthleteClient;
import com.authlete.toolkit.transport.setup.EnvironmentTransports;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.net.URI;
import java.util.Map;

/**
 * The client facade: one service by command words, then every client of it as a stream that fetches pages as it
 * is read. Proxies, SSL_CERT_FILE and retries come from the environment as in the CLI.
 *
 * <pre>AUTHLETE_BEARER=... java -cp ... com.authlete.toolkit.examples.ClientsOfAService SERVICE_ID [server-url]</pre>
 */
public final class ClientsOfAService {

    private ClientsOfAService() {}

    public static void main(String[] args) throws Exception {
        URI server = URI.create(args.length > 1 ? args[1] : "https://us.authlete.com");
        System.out.println(run(server, Examples.token(), args[0], System.getenv(), System.out) + " clients");
    }

    /** Prints the service's name, then {@code clientId <TAB> clientName} per client; returns how many clients. */
    public static long run(
            URI server, String token, String serviceId, Map<String, String> environment, PrintStream out) {
        try (AuthleteClient authlete = AuthleteClient.builder()
                .baseUrl(server)
                .token(token)
                .userAgent("authlete-examples/1")
                .exchangeProvider(EnvironmentTransports.fromEnvironment(environment))
                .build()) {
            JsonNode service = authlete.call("service get", Map.of("serviceId", serviceId));
            out.println(service.path("serviceName").asText());
            long[] clients = {0};
            authlete.items("client list", Map.of("serviceId", serviceId)).forEach(client -> {
                clients[0]++;
                out.println(client.path("clientId").asText() + "\t"
                        + client.path("clientName").asText());
            });
            return clients[0];
        }
    }
}
