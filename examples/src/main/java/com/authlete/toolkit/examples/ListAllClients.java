package com.authlete.toolkit.examples;

import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.core.paging.PageWalker;
import com.authlete.toolkit.core.request.RequestBuilder;
import com.authlete.toolkit.transport.HttpTransport;
import com.authlete.toolkit.transport.ServerSelection;
import com.authlete.toolkit.transport.TransportException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists every client of every service the token can see, page by page with the library's {@link PageWalker}:
 * memory stays flat however many there are.
 *
 * <pre>AUTHLETE_BEARER=... java -cp ... com.authlete.toolkit.examples.ListAllClients [server-url]</pre>
 */
public final class ListAllClients {

    private ListAllClients() {
    }

    public static void main(String[] args) throws Exception {
        String token = Examples.token();
        URI server = ServerSelection.resolve(args.length > 0 ? args[0] : null, null, Catalog.standard().servers());
        System.out.println(run(server, token, 100, System.out) + " clients");
    }

    /** Prints {@code serviceId <TAB> clientId <TAB> clientName} per client; returns how many there were. */
    public static long run(URI server, String token, int pageSize, PrintStream out) throws Exception {
        Catalog catalog = Catalog.standard();
        try (HttpTransport http = HttpTransport.builder().baseUrl(server).bearer(token).build()) {
            List<String> services = new ArrayList<>();
            walk(http, catalog, "service list", RequestBuilder.forOperation(catalog.operation("service list")), pageSize,
                    service -> services.add(service.path("apiKey").asText()));
            long[] clients = {0};
            for (String serviceId : services) {
                RequestBuilder request = RequestBuilder.forOperation(catalog.operation("client list")).parameter("serviceId", serviceId);
                walk(http, catalog, "client list", request, pageSize, client -> {
                    clients[0]++;
                    out.println(serviceId + "\t" + client.path("clientId").asText() + "\t" + client.path("clientName").asText());
                });
            }
            return clients[0];
        }
    }

    private interface Each {
        void accept(JsonNode item);
    }

    private static void walk(HttpTransport http, Catalog catalog, String command, RequestBuilder request, int pageSize, Each each)
            throws Exception {
        new PageWalker(catalog.operation(command), pageSize).walk(request, 0,
                page -> send(http, page.method(), page.target(), page.headers(), page.body()), each::accept);
    }

    private static java.io.InputStream send(HttpTransport http, String method, String target, java.util.Map<String, String> headers,
                                            byte[] body) throws TransportException {
        return http.send(method, target, headers, body).body();
    }
}
