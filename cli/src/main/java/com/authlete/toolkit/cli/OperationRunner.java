package com.authlete.toolkit.cli;

import com.authlete.toolkit.cli.output.OutputException;
import com.authlete.toolkit.cli.output.ResponseOutput;
import com.authlete.toolkit.cli.output.SecretPolicy;
import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.core.ErrorCategory;
import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.core.catalog.Operation;
import com.authlete.toolkit.core.client.AuthleteClient;
import com.authlete.toolkit.core.client.OperationCall;
import com.authlete.toolkit.core.client.Update;
import com.authlete.toolkit.core.exchange.PreparedRequest;
import com.authlete.toolkit.core.exchange.TransportResponse;
import com.authlete.toolkit.core.paging.PageWalker;
import com.authlete.toolkit.core.request.RequestBuilder;
import com.authlete.toolkit.core.secrets.SecretRules;
import com.authlete.toolkit.core.secrets.SensitiveNames;
import com.authlete.toolkit.credentials.CredentialsException;
import com.authlete.toolkit.credentials.Settings;
import com.authlete.toolkit.render.TerminalSafe;
import com.authlete.toolkit.transport.debug.ExchangeLog;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs one parsed operation command: reads its flags, body and stdin into a request, lets the engine call it (connect,
 * default service id, partial update, confirmation, paging), and prints the answer. Input and output only.
 */
public final class OperationRunner {

    private final Catalog catalog;
    private final Map<String, String> environment;
    private final Terminal terminal;
    private final InputStream stdin;
    private final PrintStream out;
    private final PrintStream err;
    /** The destructive call the engine asked about, if any: said to be done once it is. */
    private String confirmed;

    private final String version;
    private final Path workingDirectory;

    public OperationRunner(
            Catalog catalog,
            Map<String, String> environment,
            Terminal terminal,
            InputStream stdin,
            PrintStream out,
            PrintStream err,
            String version,
            Path workingDirectory) {
        this.workingDirectory = workingDirectory;
        this.catalog = catalog;
        this.environment = environment;
        this.terminal = terminal;
        this.stdin = stdin;
        this.out = out;
        this.err = err;
        this.version = version;
    }

    public void run(OperationCommand command) throws CliException, IOException, CredentialsException {
        Operation operation = catalog.operation(command.command());
        GlobalOptions global = command.global();
        if (global.merge && global.replace) {
            throw CliException.usage(
                    "--merge and --replace contradict each other: give one (updates merge by default)");
        }
        if ((global.merge || global.replace) && !operation.replacesWholeObject()) {
            throw CliException.usage(
                    (global.merge ? "--merge" : "--replace") + " works with update commands that replace a whole "
                            + "object, such as client update; '" + operation.command() + "' is not one");
        }
        Settings settings = Settings.load(global.settingsFlags(), environment, workingDirectory);
        OutputOptions outputOptions = OutputOptions.from(global, settings, terminal, environment);
        RequestBuilder requestBuilder = prepare(operation, command);
        if (outputOptions.all() && (requestBuilder.hasParameter("start") || requestBuilder.hasParameter("end"))) {
            throw CliException.usage(
                    "--all fetches every page from the first; leave out --start and --end, or drop --all for one range");
        }
        if (outputOptions.all()
                && (operation.list() == null || !operation.list().paginated())) {
            throw CliException.usage("'" + operation.command() + "' is not a paginated list; --all does not apply");
        }
        try (AuthleteClient client = connect(global, settings)) {
            OperationCall call =
                    client.prepare(operation, requestBuilder, global.replace ? Update.REPLACE : Update.MERGE);
            if (global.dryRun) {
                dryRun(client, call, outputOptions.all());
                return;
            }
            ResponseOutput output = output(operation, outputOptions);
            if (!outputOptions.all()) {
                try (TransportResponse response = client.send(call)) {
                    print(output, operation, response, global);
                }
                reportDone();
                return;
            }
            printAll(client, call, output, outputOptions.pageSize());
        }
    }

    /**
     * {@code authlete api METHOD PATH}: the request as given (path, query and body untouched), with everything else
     * as for catalog commands. When the path is one of the catalog's, its list shape shapes the output and its
     * pagination serves {@code --paginate}.
     */
    public void run(ApiCommand command) throws CliException, IOException, CredentialsException {
        GlobalOptions global = command.global();
        String method = command.method();
        String path = command.path();
        Optional<Catalog.PathMatch> match = catalog.match(method, path);
        Settings settings = Settings.load(global.settingsFlags(), environment, workingDirectory);
        OutputOptions outputOptions = OutputOptions.from(global, settings, terminal, environment);
        Map<String, String> extraHeaders = command.extraHeaders();
        String body = global.body != null
                ? BodyInput.flag(global.body, stdin)
                : !method.equals("GET")
                                && !method.equals("DELETE")
                                && !terminal.stdinIsTerminal()
                                && !command.hasFields()
                        ? BodyInput.read(
                                QuietStdinNotice.watched(stdin, err, terminal.stderrIsTerminal()), "standard input")
                        : null;
        body = command.withFields(body, stdin);
        Map<String, String> headers = new LinkedHashMap<>();
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
        if (outputOptions.all()
                && (operation == null
                        || operation.list() == null
                        || !operation.list().paginated()
                        || !method.equals("GET"))) {
            throw CliException.usage(
                    "--paginate works for GET requests of list endpoints that take start and end, such as /api/service/get/list");
        }
        try (AuthleteClient client = connect(global, settings)) {
            if (global.dryRun) {
                new ExchangeLog(err).request(client.preview(operation, request));
                err.println("* dry run: nothing was sent"
                        + (outputOptions.all() ? " (--paginate would continue page by page)" : ""));
                return;
            }
            ResponseOutput output = output(operation, outputOptions);
            if (!outputOptions.all()) {
                try (TransportResponse response = client.send(operation, request)) {
                    print(output, operation, response, global);
                }
                reportDone();
                return;
            }
            RequestBuilder pages = RequestBuilder.forOperation(operation)
                    .parameters(match.get().pathValues())
                    .parameters(ApiCommand.query(path));
            printAll(client, client.prepare(operation, pages, Update.REPLACE), output, outputOptions.pageSize());
        }
    }

    /** Every page of a list into the output pipeline (--all, --paginate). */
    private static void printAll(AuthleteClient client, OperationCall call, ResponseOutput output, int pageSize)
            throws CliException, IOException {
        try (ResponseOutput.Items items = output.items(call.operation().list().field())) {
            client.walk(call, pageSize, sink(items));
            items.finish();
        } catch (ResponseOutput.JqRuntimeException e) {
            throw new CliException(ExitCode.ERROR, e.failure().getMessage());
        }
    }

    /** The engine, connected as every front end connects, with this command's flags and its terminal's question. */
    private AuthleteClient connect(GlobalOptions global, Settings settings) throws CliException, CredentialsException {
        try {
            return TransportSetup.client(
                            settings,
                            environment,
                            global.bearer,
                            global.network,
                            version,
                            err,
                            (operation, request) -> confirmDestructive(global.yes, operation, request),
                            catalog)
                    .build();
        } catch (IllegalArgumentException e) {
            throw TransportSetup.usage(e);
        }
    }

    /**
     * The engine asks before a delete, a revoke or a secret rotation: on a terminal the person answers; elsewhere
     * only --yes lets it run (as gh does), since nobody is there to ask.
     */
    private boolean confirmDestructive(boolean yes, Operation operation, PreparedRequest request) {
        String what =
                (operation != null ? operation.command() : "api") + ": " + request.method() + " " + request.target();
        confirmed = what;
        if (yes) {
            return true;
        }
        if (!terminal.stdinIsTerminal()) {
            throw new AuthleteException(
                    ErrorCategory.BAD_INPUT,
                    "standard input is not a terminal, so " + what + " cannot be confirmed; give --yes to run it"
                            + " without asking (nothing was sent)",
                    null);
        }
        return Prompt.yes(
                out,
                err,
                new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)),
                what + "\nThis cannot be undone. Continue?");
    }

    /** On a terminal, a destructive call that went through says so (a delete answers with nothing to print). */
    private void reportDone() {
        if (confirmed != null && terminal.stderrIsTerminal()) {
            err.println("done: " + TerminalSafe.line(confirmed));
        }
    }

    /** What the call would send, and for a partial update the read that comes first and the fields it changes. */
    private void dryRun(AuthleteClient client, OperationCall call, boolean all) {
        ExchangeLog log = new ExchangeLog(err);
        Optional<PreparedRequest> read = call.currentRead();
        if (read.isPresent()) {
            err.println(
                    "* first, the current object would be read (needs the token's read permission; --replace skips this):");
            log.request(client.preview(call.read(), read.get()));
            err.println("* then the update would send it with only these fields changed: "
                    + String.join(", ", call.changedFields()));
        }
        log.request(client.preview(call.operation(), read.isPresent() ? call.partial() : call.given()));
        err.println("* dry run: nothing was sent" + (all ? " (--all would continue page by page)" : ""));
    }

    private ResponseOutput output(Operation operation, OutputOptions outputOptions) {
        return new ResponseOutput(
                        outputOptions.plan(),
                        out,
                        err,
                        terminal.stdoutIsTerminal(),
                        terminal.stderrIsTerminal(),
                        secrets(operation))
                .revealingSecret(operation != null && operation.revealsSecret());
    }

    private void print(ResponseOutput output, Operation operation, TransportResponse response, GlobalOptions global)
            throws CliException, IOException {
        if (operation != null && operation.revealsSecret()) {
            err.println("warning: the response holds a new client secret, shown this once; keep it now"
                    + (global.outputFile != null
                            ? " (written to " + global.outputFile + " with mode 0600)"
                            : " (-o FILE writes it to a file with mode 0600)"));
        }
        try {
            output.document(
                    NetworkReadException.guard(response.body()),
                    operation == null || operation.list() == null
                            ? null
                            : operation.list().field(),
                    response.header("Content-Type").orElse(null),
                    response.status());
        } catch (OutputException e) {
            throw new CliException(ExitCode.ERROR, e.getMessage());
        }
    }

    /** The library's one secret rule for this operation's answers, for the output pipeline. */
    private static SecretPolicy secrets(Operation operation) {
        return new SecretPolicy() {
            @Override
            public JsonNode masked(JsonNode value, Set<String> shown) {
                return SecretRules.masked(operation, value, shown);
            }

            @Override
            public boolean holdsSecrets(JsonNode value) {
                return SensitiveNames.containsSensitive(value);
            }
        };
    }

    /** The page walker's items into the output pipeline. */
    private static PageWalker.ItemSink sink(ResponseOutput.Items items) {
        return new PageWalker.ItemSink() {
            @Override
            public void item(JsonParser parser) throws IOException {
                items.item(parser);
            }

            @Override
            public void item(JsonNode item) throws IOException {
                items.item(item);
            }

            @Override
            public void endOfPage(long fetched, long total) throws IOException {
                items.endOfPage(fetched, total);
            }

            @Override
            public boolean takesPages() {
                return items.takesPages();
            }

            @Override
            public void page(JsonNode body) throws IOException {
                items.page(body);
            }
        };
    }

    private RequestBuilder prepare(Operation operation, OperationCommand command) throws CliException {
        RequestBuilder builder = RequestBuilder.forOperation(operation);
        GlobalOptions global = command.global();
        boolean bodyFromStdin = global.body != null && global.body.equals("@-");
        if (operation.body() != null && !terminal.stdinIsTerminal() && !bodyFromStdin) {
            builder.bodyJson(
                    BodyInput.read(QuietStdinNotice.watched(stdin, err, terminal.stderrIsTerminal()), "standard input"),
                    "the JSON on standard input");
        }
        if (global.body != null) {
            builder.bodyJson(
                    BodyInput.flag(global.body, stdin),
                    global.body.startsWith("@") && !global.body.equals("@-")
                            ? "--body file " + global.body.substring(1)
                            : "--body");
        }
        command.collect(builder);
        return builder;
    }
}
