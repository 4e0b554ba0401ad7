package com.authlete.toolkit.cli.app;

import com.authlete.toolkit.cli.ApiCommand;
import com.authlete.toolkit.cli.CliException;
import com.authlete.toolkit.cli.CommandEntry;
import com.authlete.toolkit.cli.ErrorText;
import com.authlete.toolkit.cli.ExitCode;
import com.authlete.toolkit.cli.HelpTopics;
import com.authlete.toolkit.cli.NetworkReadException;
import com.authlete.toolkit.cli.OperationCommand;
import com.authlete.toolkit.cli.OperationRunner;
import com.authlete.toolkit.cli.Terminal;
import com.authlete.toolkit.cli.TerminalWidth;
import com.authlete.toolkit.cli.TopLevelFlags;
import com.authlete.toolkit.cli.builtin.BuiltinCommand;
import com.authlete.toolkit.cli.builtin.CommandContext;
import com.authlete.toolkit.cli.generated.CommandIndex;
import com.authlete.toolkit.cli.output.ResponseOutput;
import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.core.ErrorCategory;
import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.credentials.CredentialsException;
import com.authlete.toolkit.credentials.KeychainChoice;
import com.authlete.toolkit.credentials.UnknownProfileException;
import com.authlete.toolkit.credentials.oauth.OAuthException;
import com.authlete.toolkit.render.OutputClosedException;
import com.authlete.toolkit.render.TerminalSafe;
import com.authlete.toolkit.transport.tls.TlsProviders;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.github.rvesse.airline.SingleCommand;
import com.github.rvesse.airline.builder.CliBuilder;
import com.github.rvesse.airline.builder.GroupBuilder;
import com.github.rvesse.airline.help.cli.CliCommandUsageGenerator;
import com.github.rvesse.airline.model.CommandMetadata;
import com.github.rvesse.airline.model.GlobalMetadata;
import com.github.rvesse.airline.model.OptionMetadata;
import com.github.rvesse.airline.parser.errors.ParseArgumentsUnexpectedException;
import com.github.rvesse.airline.parser.errors.ParseException;
import com.github.rvesse.airline.parser.errors.ParseOptionMissingException;
import com.github.rvesse.airline.parser.errors.ParseOptionMissingValueException;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;

/**
 * The command line as a function from arguments to an exit status: routes the words to a command, parses
 * its flags with Airline, runs it, and turns every failure into one line on stderr and an {@link ExitCode}.
 */
public final class Cli {

    private final Map<String, String> environment;
    private boolean pagingHelp;
    private final Terminal terminal;
    private final InputStream stdin;
    private final PrintStream out;
    private final PrintStream err;
    private boolean jsonErrors;

    private final Path workingDirectory;

    public Cli(
            Map<String, String> environment, Terminal terminal, InputStream stdin, PrintStream out, PrintStream err) {
        this(environment, terminal, stdin, out, err, Path.of(""));
    }

    public Cli(
            Map<String, String> environment,
            Terminal terminal,
            InputStream stdin,
            PrintStream out,
            PrintStream err,
            Path workingDirectory) {
        this.workingDirectory = workingDirectory;
        this.environment = Map.copyOf(environment);
        this.terminal = terminal;
        this.stdin = stdin;
        this.out = out;
        this.err = err;
    }

    public int run(String... given) {
        if (given.length == 1 && isVersionRequest(given[0])) {
            // Before the global flags are read: that loads Airline's metadata (25 ms of a 93 ms --version).
            return printVersion();
        }
        boolean debug = Arrays.asList(given).contains("--debug");
        String[] args;
        try {
            args = TopLevelFlags.hoist(given);
        } catch (CliException e) {
            return fail(e.exitCode(), e.getMessage(), e, debug);
        }
        this.jsonErrors = wantsJson(args);
        String command =
                Router.match(args).map(Router.Match::command).orElse(String.join(" ", Router.leadingWords(args)));
        try {
            return dispatch(args);
        } catch (CliException e) {
            return fail(e.exitCode(), e.getMessage(), e, debug);
        } catch (ParseException e) {
            return fail(ExitCode.USAGE, describe(e, args) + " (see 'authlete " + command + " --help')", e, debug);
        } catch (OAuthException e) {
            return fail(ExitCode.NOT_AUTHENTICATED, e.getMessage(), e, debug);
        } catch (UnknownProfileException e) {
            return fail(ExitCode.USAGE, ErrorText.of(e), e, debug);
        } catch (CredentialsException e) {
            return fail(ExitCode.ERROR, e.getMessage(), e, debug);
        } catch (AuthleteException e) {
            if (e.getCause() instanceof UnknownProfileException unknown) {
                return fail(ExitCode.USAGE, ErrorText.of(unknown), e, debug);
            }
            return fail(ExitCode.of(e.category()), ErrorText.of(e), e, debug);
        } catch (ReflectiveOperationException e) {
            return fail(ExitCode.ERROR, "the build is incomplete: " + e, e, debug);
        } catch (OutputClosedException e) {
            return ExitCode.OK.status();
        } catch (NetworkReadException e) {
            return fail(ExitCode.NETWORK, e.getMessage(), e, debug);
        } catch (StreamConstraintsException e) {
            return fail(
                    ExitCode.ERROR, "the response is beyond what can be read: " + ResponseOutput.limit(e), e, debug);
        } catch (IOException | UncheckedIOException e) {
            return fail(ExitCode.ERROR, "I/O error: " + e.getMessage(), e, debug);
        } catch (RuntimeException | LinkageError e) {
            return fail(ExitCode.ERROR, "unexpected error: " + e, e, debug);
        }
    }

    private static boolean isVersionRequest(String arg) {
        return arg.equals("--version") || arg.equals("-V") || arg.equals("version");
    }

    private int printVersion() {
        out.println("authlete " + version() + " (Authlete API " + CommandIndex.API_VERSION + ")");
        return ExitCode.OK.status();
    }

    private int dispatch(String[] args)
            throws CliException, IOException, ReflectiveOperationException, CredentialsException {
        List<String> argList = Arrays.asList(args);
        if (args.length >= 1 && args.length <= 2 && args[0].equals(Training.COMMAND)) {
            return Training.run(environment, args.length == 1 || !args[1].equals("http"));
        }
        if (args.length > 0 && args[0].equals("help")) {
            String topic = args.length == 2 ? HelpTopics.text(args[1]) : null;
            if (topic != null) {
                out.print(topic);
                return ExitCode.OK.status();
            }
            return dispatch(withHelp(argList.subList(1, args.length)));
        }
        var match = Router.match(args);
        if (match.isPresent()) {
            return runCommand(match.get());
        }
        List<String> words = Router.leadingWords(args);
        boolean wantsHelp = argList.contains("--help") || argList.contains("-h");
        if (words.isEmpty()) {
            if (args.length > 0 && !wantsHelp) {
                throw CliException.usage("unknown flag " + args[0] + "; a command comes first (see 'authlete --help')");
            }
            paged(page -> new HelpText(page, TerminalWidth.of(environment, terminal.stdoutIsTerminal())).root());
            return ExitCode.OK.status();
        }
        if (!Router.under(words).isEmpty()) {
            paged(page -> new HelpText(page, TerminalWidth.of(environment, terminal.stdoutIsTerminal())).group(words));
            return ExitCode.OK.status();
        }
        throw CliException.usage(unknownCommand(words));
    }

    /** Names the first word that is not known where it stands, with the closest known one and the group's help. */
    private static String unknownCommand(List<String> words) {
        int known = 0;
        while (known < words.size()
                && !Router.under(words.subList(0, known + 1)).isEmpty()) {
            known++;
        }
        List<String> group = words.subList(0, known);
        Set<String> next = new TreeSet<>();
        for (CommandEntry row : Router.under(group)) {
            String[] rowWords = row.words().split(" ");
            if (rowWords.length > known) {
                next.add(rowWords[known]);
            }
        }
        String typed = known < words.size() ? words.get(known) : "";
        String help = group.isEmpty() ? "authlete --help" : "authlete " + String.join(" ", group) + " --help";
        return "unknown command '" + String.join(" ", words) + "'"
                + Suggestions.closest(typed, next)
                        .map(word -> "; did you mean '"
                                + String.join(
                                        " ",
                                        Stream.concat(group.stream(), Stream.of(word))
                                                .toList()) + "'?")
                        .orElse("")
                + " (see '" + help + "')";
    }

    private static String[] withHelp(List<String> words) {
        String[] args = words.toArray(new String[words.size() + 1]);
        args[words.size()] = "--help";
        return args;
    }

    private int runCommand(Router.Match match)
            throws CliException, IOException, ReflectiveOperationException, CredentialsException {
        try {
            KeychainChoice.of(environment);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        Class<?> loaded = match.type();
        if (loaded == ApiCommand.class) {
            if (match.rest().contains("--help") || match.rest().contains("-h")) {
                paged(page -> commandHelp(page, match.command(), ApiCommand.class));
                return ExitCode.OK.status();
            }
            ApiCommand command = parse(ApiCommand.class, match.rest());
            new OperationRunner(Catalog.standard(), environment, terminal, stdin, out, err, version(), workingDirectory)
                    .run(command);
            return ExitCode.OK.status();
        }
        if (BuiltinCommand.class.isAssignableFrom(loaded)) {
            return runBuiltinCommand(match, loaded.asSubclass(BuiltinCommand.class));
        }
        @SuppressWarnings("unchecked")
        Class<OperationCommand> type = (Class<OperationCommand>) loaded;
        // Checked before parsing so that a command's help works even when other flags are incomplete.
        if (match.rest().contains("--help") || match.rest().contains("-h")) {
            paged(page -> commandHelp(page, match.command(), type));
            return ExitCode.OK.status();
        }
        // The catalog is read on a second thread while Airline parses: both are first uses of a library (Jackson's
        // parser, Airline's metadata) and cost tens of milliseconds each at start-up.
        FutureTask<Catalog> catalog = new FutureTask<>(() -> Catalog.forCommand(match.command()));
        Thread reader = new Thread(catalog, "catalog");
        reader.setDaemon(true);
        reader.start();
        if (!plainHttp(match.rest())) {
            // The TLS library loads while the arguments are parsed (0.94-0.97x of an HTTPS command, BENCHMARKS.md).
            TlsProviders.preload(environment);
        }
        List<String> rest = match.rest();
        if (!rest.isEmpty() && !rest.get(0).startsWith("-")) {
            // "authlete client get 1140735077", as "gh repo view X": a bare first word is the command's one id.
            rest = PositionalId.asFlag(joined(catalog).operation(match.command()), rest);
        }
        OperationCommand command = parse(type, rest);
        new OperationRunner(joined(catalog), environment, terminal, stdin, out, err, version(), workingDirectory)
                .run(command);
        return ExitCode.OK.status();
    }

    /** Whether the command will talk plain http (a mock on this machine), as far as its arguments tell. */
    private boolean plainHttp(List<String> args) {
        String url = environment.getOrDefault("AUTHLETE_SERVER_URL", "");
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--server-url") && i + 1 < args.size()) {
                url = args.get(i + 1);
            } else if (args.get(i).startsWith("--server-url=")) {
                url = args.get(i).substring("--server-url=".length());
            }
        }
        return url.regionMatches(true, 0, "http://", 0, "http://".length());
    }

    private static Catalog joined(FutureTask<Catalog> catalog) {
        try {
            return catalog.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the catalog", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private int runBuiltinCommand(Router.Match match, Class<? extends BuiltinCommand> type)
            throws CliException, AuthleteException, IOException, CredentialsException {
        if (match.rest().contains("--help") || match.rest().contains("-h")) {
            paged(page -> commandHelp(page, match.command(), type));
            return ExitCode.OK.status();
        }
        BuiltinCommand command = parse(type, match.rest());
        command.run(new CommandContext(
                environment,
                terminal,
                new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)),
                out,
                err,
                workingDirectory,
                version(),
                stdin,
                Router.TABLE));
        out.flush();
        return command.status();
    }

    /** Parses one command's arguments; a single-value flag given twice is refused first (Airline keeps the last). */
    private static <T> T parse(Class<T> type, List<String> arguments) throws CliException {
        SingleCommand<T> parser = SingleCommand.singleCommand(type);
        RepeatedFlags.check(parser.getCommandMetadata(), arguments);
        return parser.parse(arguments);
    }

    /** Help text, written to standard output or, for the real process on a terminal, through a pager. */
    private interface HelpWriter {
        void write(PrintStream page) throws IOException;
    }

    private void paged(HelpWriter writer) throws IOException {
        if (!pagingHelp || !terminal.stdoutIsTerminal()) {
            writer.write(out);
            return;
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream page = new PrintStream(buffer, false, StandardCharsets.UTF_8);
        writer.write(page);
        page.flush();
        Pager.show(buffer.toByteArray(), environment, out);
    }

    /** For the {@code authlete} process itself: long help goes through a pager when standard output is a terminal. */
    public Cli pagingHelp() {
        this.pagingHelp = true;
        return this;
    }

    /** Airline's help for one command, placed under its groups so that the synopsis shows all its words. */
    private <T> void commandHelp(PrintStream out, String command, Class<? extends T> type) throws IOException {
        List<String> words = List.of(command.split(" "));
        CliBuilder<T> builder = new CliBuilder<>("authlete");
        if (words.size() == 1) {
            builder.withCommand(type);
        } else {
            GroupBuilder<T> group = builder.withGroup(words.get(0));
            for (String word : words.subList(1, words.size() - 1)) {
                group = group.withSubGroup(word);
            }
            group.withCommand(type);
        }
        // Airline's own layout, with the command's own flags before the global ones (each part alphabetical).
        GlobalMetadata<T> global = builder.build().getMetadata();
        CommandMetadata metadata = CommandHelpModel.of(
                SingleCommand.singleCommand(type).getCommandMetadata(),
                Catalog.standard()
                        .find(command)
                        .filter(operation -> operation.command().equals(command)));
        Set<String> globalNames = TopLevelFlags.takesValue().keySet();
        Comparator<OptionMetadata> ownFirst = Comparator.comparing(
                        (OptionMetadata option) -> option.getOptions().stream().anyMatch(globalNames::contains))
                .thenComparing(option ->
                        option.getOptions().stream().sorted().findFirst().orElse(""));
        int width = TerminalWidth.of(environment, terminal.stdoutIsTerminal());
        new CliCommandUsageGenerator(width <= 0 ? 79 : width, ownFirst, false)
                .usage(
                        "authlete",
                        words.subList(0, words.size() - 1).toArray(String[]::new),
                        words.get(words.size() - 1),
                        metadata,
                        global.getParserConfiguration(),
                        out);
    }

    private static String describe(ParseException e, String[] args) {
        if (e instanceof ParseOptionMissingValueException noValue) {
            return "flag needs a value: " + noValue.getOptionTitle();
        }
        if (e instanceof ParseOptionMissingException missing) {
            String title = missing.getOptionTitle();
            return "missing required flag " + (title == null ? "" : title.startsWith("-") ? title : "--" + title);
        }
        if (e instanceof ParseArgumentsUnexpectedException unexpected) {
            List<String> input = unexpected.getUnparsedInput();
            String first = input.isEmpty() ? "" : input.get(0);
            String hint = "";
            if (first.equals("--output") || first.startsWith("--output=")) {
                // The AWS CLI's --output names a format; here a format is -F, and -o is a file.
                hint = "; for the format use -F/--output-format (pretty, json, yaml, table, toon),"
                        + " for a file -o/--output-file FILE";
            } else if (first.startsWith("-")) {
                String name = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
                hint = Suggestions.closest(name, optionNames(args))
                        .map(option -> "; did you mean " + option + "?")
                        .orElse("");
            }
            return "unknown flag or argument: " + String.join(" ", input) + hint;
        }
        return e.getMessage();
    }

    /** Every flag name of the command the arguments name, for suggestions. */
    private static List<String> optionNames(String[] args) {
        try {
            var match = Router.match(args);
            if (match.isEmpty()) {
                return List.of();
            }
            return SingleCommand.singleCommand(match.get().type()).getCommandMetadata().getAllOptions().stream()
                    .flatMap(option -> option.getOptions().stream())
                    .filter(name -> name.startsWith("--"))
                    .toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** {@code --output-format json} (or {@code -F json}) asks for errors as JSON too. */
    private static boolean wantsJson(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--output-format=json")
                    || args[i].equals("-F=json")
                    || ((args[i].equals("--output-format") || args[i].equals("-F"))
                            && i + 1 < args.length
                            && args[i + 1].equalsIgnoreCase("json"))) {
                return true;
            }
        }
        return false;
    }

    private int fail(ExitCode code, String message, Throwable cause, boolean debug) {
        if (jsonErrors) {
            err.println(ErrorJson.of(code, oneLine(message), cause));
        } else {
            err.println("error: " + oneLine(message));
        }
        // A stack trace helps only with what went wrong inside: an HTTP error's useful part is the exchange (which
        // --debug prints), and bad input is said in its one line.
        boolean expected = cause instanceof CliException
                || cause instanceof ParseException
                || (cause instanceof AuthleteException failure
                        && failure.category() != ErrorCategory.NETWORK
                        && failure.category() != ErrorCategory.CONFIGURATION);
        if (debug && !expected) {
            cause.printStackTrace(err);
        }
        err.flush();
        return code.status();
    }

    /** Messages often quote a server's words: one line, control characters escaped. */
    private static String oneLine(String message) {
        return message == null ? "(no message)" : TerminalSafe.line(message);
    }

    static String version() {
        // Absolute: the file sits in the cli package (scripts/build-dist reads it there too), this class in cli.app.
        try (InputStream in = Cli.class.getResourceAsStream("/com/authlete/toolkit/cli/version.txt")) {
            return in == null ? "unknown" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
