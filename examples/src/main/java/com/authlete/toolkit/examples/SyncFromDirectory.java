package com.authlete.toolkit.examples;

import com.authlete.toolkit.core.client.AuthleteClient;
import com.authlete.toolkit.declarative.DesiredState;
import com.authlete.toolkit.declarative.Diff;
import com.authlete.toolkit.declarative.DiffText;
import com.authlete.toolkit.declarative.LiveState;
import com.authlete.toolkit.declarative.Plan;
import com.authlete.toolkit.transport.setup.EnvironmentTransports;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * A service kept in files, from a Java program (module {@code declarative}): read the directory (environment
 * references replaced), compare it with the live service, print the differences, and apply them when asked.
 * What {@code authlete diff} and {@code authlete apply --yes} do, without the CLI.
 *
 * <pre>AUTHLETE_BEARER=... java -cp ... com.authlete.toolkit.examples.SyncFromDirectory DIR SERVICE_ID [--apply] [server-url]</pre>
 */
public final class SyncFromDirectory {

    private SyncFromDirectory() {}

    public static void main(String[] args) throws Exception {
        boolean apply = args.length > 2 && args[2].equals("--apply");
        URI server = URI.create(args.length > (apply ? 3 : 2) ? args[apply ? 3 : 2] : "https://us.authlete.com");
        System.exit(
                run(server, Examples.token(), Path.of(args[0]), args[1], apply, System.getenv(), System.out) ? 0 : 1);
    }

    /** Prints the differences (and the changes made, with {@code apply}); returns whether everything matched or was applied. */
    public static boolean run(
            URI server,
            String token,
            Path directory,
            String serviceId,
            boolean apply,
            Map<String, String> environment,
            PrintStream out)
            throws Exception {
        DesiredState files = DesiredState.read(directory, environment);
        try (AuthleteClient authlete = AuthleteClient.builder()
                .baseUrl(server)
                .token(token)
                .userAgent("authlete-examples/1")
                .exchangeProvider(EnvironmentTransports.fromEnvironment(environment))
                .build()) {
            Diff diff = Diff.between(files, LiveState.fetch(authlete, serviceId), false);
            out.print(new DiffText(false).render(diff));
            if (diff.isEmpty() || !apply) {
                return diff.isEmpty();
            }
            Plan.Report report = Plan.of(diff)
                    .apply(
                            authlete,
                            done -> out.println("done: " + done.resource().kind() + " "
                                    + done.resource().name()));
            if (!report.complete()) {
                out.println("failed: " + report.failed().command() + ": "
                        + report.error().getMessage());
            }
            return report.complete();
        }
    }
}
