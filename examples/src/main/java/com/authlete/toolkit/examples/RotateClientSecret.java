package com.authlete.toolkit.examples;

import com.authlete.toolkit.core.Operations;
import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.render.AtomicFile;
import com.authlete.toolkit.transport.HttpTransport;
import com.authlete.toolkit.transport.ServerSelection;
import com.authlete.toolkit.transport.TransportException;
import com.authlete.toolkit.transport.TransportResponse;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives a client a new secret and stores the API's answer (which holds the new secret, shown only this once) in
 * a file only its owner can read, written atomically so that a crash never leaves half a secret behind. The
 * secret never goes to the terminal.
 *
 * <pre>AUTHLETE_BEARER=... java -cp ... com.authlete.toolkit.examples.RotateClientSecret SERVICE_ID CLIENT_ID FILE [server-url]</pre>
 */
public final class RotateClientSecret {

    private RotateClientSecret() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: RotateClientSecret SERVICE_ID CLIENT_ID FILE [server-url]");
            System.exit(2);
        }
        String token = Examples.token();
        URI server = ServerSelection.resolve(args.length > 3 ? args[3] : null, null, Catalog.standard().servers());
        rotate(server, token, args[0], args[1], Path.of(args[2]));
        System.err.println("new secret stored in " + args[2] + " (mode 0600); it is not shown again");
    }

    public static void rotate(URI server, String token, String serviceId, String clientId, Path file) throws Exception {
        try (HttpTransport http = HttpTransport.builder().baseUrl(server).bearer(token).build()) {
            Operations<TransportResponse, TransportException> api = new Operations<>(Catalog.standard(), http::send);
            try (TransportResponse response = api.call("client management refresh-secret",
                    Map.of("serviceId", serviceId, "clientIdentifier", clientId), null);
                 AtomicFile out = AtomicFile.create(file)) {
                response.body().transferTo(out.stream());
                out.commit(true);
            }
        }
    }
}
