package com.authlete.toolkit.cli;

import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.core.catalog.Operation;
import com.authlete.toolkit.core.request.InvalidInputException;
import com.authlete.toolkit.core.request.PreparedRequest;
import com.authlete.toolkit.core.paging.PageWalker;
import com.authlete.toolkit.core.request.RequestBuilder;
import com.authlete.toolkit.credentials.CredentialsException;
import com.authlete.toolkit.credentials.Settings;
import com.authlete.toolkit.credentials.ResolvedToken;
import com.authlete.toolkit.render.OutputException;
import com.authlete.toolkit.render.ResponseOutput;
import com.authlete.toolkit.render.SecretPolicy;
import com.authlete.toolkit.transport.HttpTransport;
import com.authlete.toolkit.transport.TransportException;
import com.authlete.toolkit.transport.TransportResponse;
import com.authlete.toolkit.transport.debug.ExchangeLog;
import com.authlete.toolkit.transport.redact.SensitiveNames;
import com.authlete.toolkit.transport.redact.TreeRedactor;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs one parsed operation command: builds the request, finds the token and server, sends, prints. */
final class OperationRunner {

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
        if (outputOptions.all() && (requestBuilder.hasParameter("start") || requestBuilder.hasParameter("end"))) {
            throw CliException.usage("--all fetches every page from the first; leave out --start and --end, or drop --all for one range");
        }
        PageWalker walker = outputOptions.all() ? new PageWalker(operation, outputOptions.pageSize()) : null;
        // Found before anything is sent: a command that cannot merge is a usage error, not a half-done exchange.
        Operation current = global.merge ? currentStateOf(operation) : null;
        try (HttpTransport http = connect(operation, global, settings)) {
            if (current != null) {
                mergeWithCurrent(http, current, requestBuilder);
            }
            exchange(http, new Planned(operation, requestBuilder.build(), requestBuilder, walker), global, outputOptions);
        }
    }

    /**
     * {@code authlete api METHOD PATH}: the request as given (path, query and body untouched), with everything else
     * as for catalog commands. When the path is one of the catalog's, its list shape shapes the output and its
     * pagination serves {@code --paginate}.
     */
    void run(ApiCommand command)
            throws CliException, InvalidInputException, TransportException, IOException, CredentialsException {
        GlobalOptions global = command.global();
        String method = command.method();
        String path = command.path();
        var match = catalog.match(method, path);
        Settings settings = Settings.load(global.settingsFlags(), environment, workingDirectory);
        OutputOptions outputOptions = OutputOptions.from(global, settings, terminal, environment);
        java.util.Map<String, String> extraHeaders = command.extraHeaders();
        String body = global.body != null ? BodyInput.flag(global.body, stdin)
                : !method.equals("GET") && !method.equals("DELETE") && !terminal.stdinIsTerminal() && !command.hasFields()
                ? BodyInput.read(stdin, "standard input") : null;
        body = command.withFields(body, stdin);
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Accept", "application/json, */*;q=0.5"); // JSON first, but a plain-text endpoint may answer too.
        byte[] bytes = null;
        if (body != null && !body.isBlank()) {
            ApiCommand.checkJson(body);
            headers.put("Content-Type", "application/json");
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        // The user's Accept or Content-Type wins, however it is spelled.
        extraHeaders.keySet().forEach(name -> headers.keySet().removeIf(ours -> ours.equalsIgnoreCase(name)));
        headers.putAll(extraHeaders);
        PreparedRequest request = new PreparedRequest(method, path, headers, bytes);
        Operation operation = match.map(Catalog.PathMatch::operation).orElse(null);
        Planned planned = new Planned(operation, request, null, null);
        if (outputOptions.all()) {
            if (operation == null || operation.list() == null || !method.equals("GET")) {
                throw CliException.usage("--paginate works for GET requests of list endpoints that take start and end, such as /api/service/get/list");
            }
            RequestBuilder pages = RequestBuilder.forOperation(operation).parameters(match.get().pathValues())
                    .parameters(ApiCommand.query(path));
            planned = new Planned(operation, request, pages, new PageWalker(operation, outputOptions.pageSize()));
        }
        try (HttpTransport http = connect(operation, global, settings)) {
            exchange(http, planned, global, outputOptions);
        }
    }

    /**
     * --merge: reads the object the update is about with the {@code get} beside it, and puts it under the given
     * body, so that the update sends the whole object with only the given fields changed.
     */
    private void mergeWithCurrent(HttpTransport http, Operation get, RequestBuilder request)
            throws CliException, InvalidInputException, TransportException, IOException {
        RequestBuilder read = RequestBuilder.forOperation(get);
        get.pathParameters().forEach(parameter -> read.parameter(parameter.name(), request.parameterValue(parameter.name())));
        PreparedRequest prepared = read.build();
        try (var response = http.send(prepared.method(), prepared.target(), prepared.headers(), prepared.body())) {
            com.fasterxml.jackson.databind.JsonNode current = com.authlete.toolkit.json.JsonTrees.parse(response.body().readAllBytes());
            if (current == null || !current.isObject()) {
                throw new CliException(ExitCode.ERROR, "--merge: '" + get.command() + "' did not answer with an object");
            }
            request.underlay(current, "the current object (--merge)");
        }
    }

    /** The {@code get} beside an update, for --merge. */
    private static Operation currentStateOf(Operation update) throws CliException {
        // The full catalog: the one loaded for this command holds only its own operation.
        return Catalog.standard().currentStateOf(update).orElseThrow(() -> CliException.usage("--merge works with update commands "
                + "that have a 'get' beside them, such as client update; '" + update.command() + "' has none"));
    }

    /** A request to send: {@code operation} is null for paths outside the catalog; {@code pages} and {@code walker} for --all. */
    private record Planned(Operation operation, PreparedRequest request, RequestBuilder pages, PageWalker walker) {
    }

    /** The transport for this command: the profile checked, the server chosen, the token found (once). */
    private HttpTransport connect(Operation operation, GlobalOptions global, Settings settings)
            throws CliException, TransportException, CredentialsException {
        com.authlete.toolkit.credentials.CredentialStore.requireKnownProfile(settings, environment);
        URI baseUrl;
        try {
            baseUrl = com.authlete.toolkit.credentials.ServerChoice.baseUrl(settings, catalog.servers());
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        String token = null;
        if (operation == null || operation.authenticated()) {
            var found = TokenSource.resolve(settings, environment, global.bearer, global.network, version, err).map(ResolvedToken::token);
            if (found.isEmpty() && !global.dryRun) {
                throw new CliException(ExitCode.NOT_AUTHENTICATED, new com.authlete.toolkit.credentials.MissingTokenException().getMessage());
            }
            token = found.orElse(null);
        }
        return TransportSetup.build(global.network, environment, baseUrl, token, version, err);
    }

    private void exchange(HttpTransport http, Planned planned, GlobalOptions global, OutputOptions outputOptions)
            throws CliException, InvalidInputException, TransportException, IOException {
        Operation operation = planned.operation();
        PreparedRequest request = planned.request();
        PageWalker walker = planned.walker();
        if (global.dryRun) {
            new ExchangeLog(err).request(http.request(request.method(), request.target(), request.headers(), request.body()));
            err.println("* dry run: nothing was sent" + (walker != null ? " (--all would continue page by page)" : ""));
            return;
        }
        boolean destructive = operation != null ? operation.destructive() : request.method().equals("DELETE");
        if (destructive && !global.yes && terminal.stdinIsTerminal()) {
            confirm(operation != null ? operation.command() : "api",
                    http.request(request.method(), request.target(), request.headers(), request.body()));
        }
        ResponseOutput output = new ResponseOutput(outputOptions.plan(), out, err, terminal.stdoutIsTerminal(), terminal.stderrIsTerminal(),
                SECRETS).revealingSecret(operation != null && operation.revealsSecret());
        if (walker == null) {
            try (TransportResponse response = http.send(request.method(), request.target(), request.headers(), request.body())) {
                if (operation != null && operation.revealsSecret()) {
                    err.println("warning: the response holds a new client secret, shown this once; keep it now"
                            + (global.outputFile != null ? " (written to " + global.outputFile + " with mode 0600)"
                            : " (-o FILE writes it to a file with mode 0600)"));
                }
                output.document(NetworkReadException.guard(response.body()), operation == null || operation.list() == null ? null
                        : operation.list().field(), response.header("Content-Type").orElse(null), response.status());
            } catch (OutputException e) {
                throw new CliException(ExitCode.ERROR, e.getMessage());
            }
            return;
        }
        try (ResponseOutput.Items items = output.items()) {
            walker.walk(planned.pages(), 0, page -> NetworkReadException.guard(
                    http.send(page.method(), page.target(), page.headers(), page.body()).body()), sink(items));
            items.finish();
        } catch (ResponseOutput.JqRuntimeException e) {
            throw new CliException(ExitCode.ERROR, e.failure().getMessage());
        }
    }

    /** The toolkit's secret rules (the transport's redaction package) for the output pipeline. */
    private static final SecretPolicy SECRETS = new SecretPolicy() {
        @Override
        public com.fasterxml.jackson.databind.JsonNode masked(com.fasterxml.jackson.databind.JsonNode value, java.util.Set<String> shown) {
            return TreeRedactor.redact(value, shown);
        }

        @Override
        public boolean holdsSecrets(com.fasterxml.jackson.databind.JsonNode value) {
            return SensitiveNames.containsSensitive(value);
        }
    };

    /** The page walker's items into the output pipeline. */
    private static PageWalker.ItemSink sink(ResponseOutput.Items items) {
        return new PageWalker.ItemSink() {
            @Override
            public void item(com.fasterxml.jackson.core.JsonParser parser) throws IOException {
                items.item(parser);
            }

            @Override
            public void item(com.fasterxml.jackson.databind.JsonNode item) throws IOException {
                items.item(item);
            }

            @Override
            public void endOfPage(long fetched, long total) throws IOException {
                items.endOfPage(fetched, total);
            }
        };
    }

    /** Asks on the terminal before deleting or revoking; anything but yes cancels. */
    private void confirm(String command, com.authlete.toolkit.transport.TransportRequest request) throws CliException {
        err.print(command + ": " + request.method() + " " + request.uri() + "\nThis cannot be undone. Continue? [y/N] ");
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
            builder.bodyJson(BodyInput.read(stdin, "standard input"), "the JSON on standard input");
        }
        if (global.body != null) {
            builder.bodyJson(BodyInput.flag(global.body, stdin), global.body.startsWith("@") && !global.body.equals("@-")
                    ? "--body file " + global.body.substring(1) : "--body");
        }
        command.collect(builder);
        return builder;
    }
}
