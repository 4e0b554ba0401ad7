package com.authlete.toolkit.examples;

import com.authlete.toolkit.core.client.AuthleteClient;
import com.authlete.toolkit.core.client.Update;
import com.authlete.toolkit.core.exchange.TransportResponse;
import com.authlete.toolkit.render.AtomicFile;
import java.io.IOException;
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

    private RotateClientSecret() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: RotateClientSecret SERVICE_ID CLIENT_ID FILE [server-url]");
            System.exit(2);
        }
        rotate(args.length > 3 ? URI.create(args[3]) : null, Examples.token(), args[0], args[1], Path.of(args[2]));
        System.err.println("new secret stored in " + args[2] + " (mode 0600); it is not shown again");
    }

    /** The answer goes to the file as it arrives, never parsed or printed; {@code server} null for the first cluster. */
    public static void rotate(URI server, String token, String serviceId, String clientId, Path file)
            throws IOException {
        AuthleteClient.Builder builder = AuthleteClient.builder().token(token);
        try (AuthleteClient authlete = (server == null ? builder : builder.baseUrl(server)).build();
                TransportResponse response = authlete.stream(
                        "client management refresh-secret",
                        Map.of("serviceId", serviceId, "clientIdentifier", clientId),
                        null,
                        Update.REPLACE);
                AtomicFile out = AtomicFile.create(file)) {
            response.body().transferTo(out.stream());
            out.commit(true);
        }
    }
}
