package com.authlete.toolkit.cli;

import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.core.catalog.Operation;
import com.authlete.toolkit.core.request.InvalidInputException;
import com.authlete.toolkit.core.request.PreparedRequest;
import com.authlete.toolkit.core.paging.PageWalker;
import com.authlete.toolkit.core.request.RequestBuilder;
import com.authlete.toolkit.credentials.CredentialChain;
import com.authlete.toolkit.credentials.CredentialsException;
import com.authlete.toolkit.credentials.Settings;
import com.authlete.toolkit.credentials.ResolvedToken;
import com.authlete.toolkit.transport.HttpTransport;
import com.authlete.toolkit.transport.TransportException;
import com.authlete.toolkit.transport.TransportResponse;
import com.authlete.toolkit.transport.debug.ExchangeLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/** Runs one parsed operation command: builds the request, finds the token and server, sends, prints. */
final class OperationRunner {

    /** Bodies larger than this on stdin or in a file are refused rather than read into memory. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final Catalog catalog;
    private final Map<String, String> environment;
    private final Terminal terminal;
    private final InputStream stdin;
    private final PrintStream out;
    private final PrintStream err;
    private final String version;
    private final Path workingDirectory;

    OperationRunner(Catalog catalog, Map<String, String> environment, Terminal terminal, InputStream stdin,
                    PrintStream out, PrintStream err, String version, Path workingDirectory) {
        this.workingDirectory = workingDirectory;
        this.catalog = catalog;
        this.environment = environment;
        this.terminal = terminal;
        this.stdin = stdin;
        this.out = out;
        this.err = err;
        this.version = version;
    }

    void run(OperationCommand command)
            throws CliException, InvalidInputException, TransportException, IOException, CredentialsException {
        Operation operation = catalog.operation(command.command());
        GlobalOptions global = command.global();
        Settings settings = Settings.load(global.settingsFlags(), environment, workingDirectory);
        OutputOptions outputOptions = OutputOptions.from(global, settings, terminal, environment);
        RequestBuilder requestBuilder = prepare(operation, command);
        if (operation.pathParameters().stream().anyMatch(p -> p.name().equals("serviceId"))) {
            requestBuilder.defaultParameter("serviceId", settings.get("service-id").orElse(null));
        }
        PreparedRequest request = requestBuilder.build();
        PageWalker walker = outputOptions.all() ? new PageWalker(operation, outputOptions.pageSize()) : null;
        URI baseUrl = ServerChoice.baseUrl(settings, catalog.servers());
        String token = null;
        if (operation.authenticated()) {
            var found = TokenSource.resolve(settings, environment, global.bearer, global, version, err).map(ResolvedToken::token);
            if (found.isEmpty() && !global.dryRun) {
                throw new CliException(ExitCode.NOT_AUTHENTICATED, "no API token: run 'authlete auth login', pass --bearer or set "
                        + CredentialChain.BEARER_ENV);
            }
            token = found.orElse(null);
        }
        try (HttpTransport http = TransportSetup.build(global, environment, baseUrl, token, version, err)) {
            if (global.dryRun) {
                new ExchangeLog(err).request(http.request(request.method(), request.target(), request.headers(), request.body()));
                err.println("* dry run: nothing was sent" + (walker != null ? " (--all would continue page by page)" : ""));
                return;
            }
            if (operation.isDestructive() && !global.yes && terminal.stdinIsTerminal()) {
                confirm(operation, http.request(request.method(), request.target(), request.headers(), request.body()).uri());
            }
            ResponseOutput output = new ResponseOutput(outputOptions, out, err, terminal);
            if (walker == null) {
                try (TransportResponse response = http.send(request.method(), request.target(), request.headers(), request.body())) {
                    output.document(NetworkReadException.guard(response.body()), operation.list());
                }
                return;
            }
            try (ResponseOutput.Items items = output.items()) {
                walker.walk(requestBuilder, 0, page -> NetworkReadException.guard(
                        http.send(page.method(), page.target(), page.headers(), page.body()).body()), items);
                items.finish();
            } catch (ResponseOutput.JqRuntimeException e) {
                throw e.failure();
            }
        }
    }

    /** Asks on the terminal before deleting or revoking; anything but yes cancels. */
    private void confirm(Operation operation, URI uri) throws CliException {
        err.print(operation.command() + ": " + operation.method() + " " + uri + "\nThis cannot be undone. Continue? [y/N] ");
        err.flush();
        String answer;
        try {
            answer = new java.io.BufferedReader(new java.io.InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null || !(answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"))) {
            throw new CliException(ExitCode.ERROR, "cancelled; nothing was changed (--yes skips the question)");
        }
    }

    private RequestBuilder prepare(Operation operation, OperationCommand command) throws InvalidInputException, CliException {
        RequestBuilder builder = RequestBuilder.forOperation(operation);
        GlobalOptions global = command.global();
        boolean bodyFromStdin = global.body != null && global.body.equals("@-");
        if (operation.body() != null && !terminal.stdinIsTerminal() && !bodyFromStdin) {
            builder.bodyJson(read(stdin, "standard input"), "the JSON on standard input");
        }
        if (global.body != null) {
            builder.bodyJson(bodyFlag(global.body), global.body.startsWith("@") && !global.body.equals("@-")
                    ? "--body file " + global.body.substring(1) : "--body");
        }
        command.collect(builder);
        return builder;
    }

    private String bodyFlag(String value) throws CliException {
        if (!value.startsWith("@")) {
            return value;
        }
        if (value.equals("@-")) {
            return read(stdin, "standard input");
        }
        Path file = Path.of(value.substring(1));
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, "--body file " + file);
        } catch (NoSuchFileException e) {
            throw CliException.usage("--body file not found: " + file);
        } catch (IOException e) {
            throw CliException.usage("cannot read --body file " + file + ": " + e.getMessage());
        }
    }

    private static String read(InputStream in, String what) throws CliException {
        try {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw CliException.usage(what + " holds more than " + MAX_BODY_BYTES / (1024 * 1024) + " MiB");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliException.usage("cannot read " + what + ": " + e.getMessage());
        }
    }

}
