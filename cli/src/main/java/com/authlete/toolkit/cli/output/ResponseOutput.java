package com.authlete.toolkit.cli.output;

import com.authlete.toolkit.json.JsonTrees;
import com.authlete.toolkit.render.AtomicFile;
import com.authlete.toolkit.render.FieldSelector;
import com.authlete.toolkit.render.ItemStream;
import com.authlete.toolkit.render.OutputClosedException;
import com.authlete.toolkit.render.OutputFormat;
import com.authlete.toolkit.render.Passthrough;
import com.authlete.toolkit.render.TerminalSafe;
import com.authlete.toolkit.render.formats.Renderers;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/**
 * The output pipeline for any front end: puts a JSON response where and how an {@link OutputPlan} says (format,
 * fields, jq, list unwrapping for tables, an atomic file that is private when the response holds secrets). A whole
 * response goes through {@link #document}; the items of a paged walk through {@link #items}. Knows nothing of
 * where the JSON came from: which values are secrets is the {@link SecretPolicy}'s business.
 */
public final class ResponseOutput {

    private final OutputPlan options;
    private final PrintStream stdout;
    private final PrintStream stderr;
    private final boolean stdoutIsTerminal;
    private final boolean stderrIsTerminal;
    private final SecretPolicy secrets;
    private boolean revealsSecret;

    /** Warnings (a --fields name the answer lacks) and page progress (on a terminal) go to {@code stderr}. */
    public ResponseOutput(
            OutputPlan plan,
            PrintStream stdout,
            PrintStream stderr,
            boolean stdoutIsTerminal,
            boolean stderrIsTerminal,
            SecretPolicy secrets) {
        this.options = plan;
        this.stdout = stdout;
        this.stderr = stderr;
        this.stdoutIsTerminal = stdoutIsTerminal;
        this.stderrIsTerminal = stderrIsTerminal;
        this.secrets = secrets;
    }

    /**
     * The response is the one place a new secret is shown (secret rotation): the human formats keep it instead of
     * masking it.
     */
    public ResponseOutput revealingSecret(boolean reveals) {
        this.revealsSecret = reveals;
        return this;
    }

    /** Tables and pretty print are for people: secrets there are masked unless --fields names them. */
    private JsonNode forPeople(JsonNode value) {
        OutputFormat format = options.effectiveFormat();
        // The secret an answer reveals is the policy's to keep (the library's one rule); the rest stays masked.
        if (options.jq() != null || (format != OutputFormat.PRETTY && format != OutputFormat.TABLE)) {
            return value;
        }
        return secrets.masked(
                value,
                options.fields() == null
                        ? Set.of()
                        : Set.copyOf(options.fields().names()));
    }

    /** Server text on a terminal: JSON escapes control characters itself, the other formats need it done. */
    private JsonNode forTerminal(JsonNode value, boolean terminal) {
        return terminal && options.effectiveFormat() != OutputFormat.JSON ? TerminalSafe.tree(value) : value;
    }

    /**
     * Prints a response.
     *
     * @param listField   the array property that holds the items of a list response (a table shows its rows), or null
     * @param contentType the response's Content-Type, or null
     * @param status      its HTTP status: a 204 has no body to check
     */
    public void document(InputStream body, String listField, String contentType, int status)
            throws IOException, OutputException {
        if (revealsSecret && options.outputFile() == null && status != 204) {
            // The new secret is shown this once: if standard output is gone (a pipe closed early), it goes to standard
            // error rather than nowhere, and the command fails.
            byte[] bytes = body.readAllBytes();
            try {
                print(new ByteArrayInputStream(bytes), listField, contentType, status);
                if (stdout.checkError()) {
                    throw new OutputClosedException();
                }
            } catch (OutputClosedException e) {
                stderr.println("warning: standard output was closed before the answer with the new secret was written;"
                        + " here it is, shown this once:");
                stderr.write(bytes);
                stderr.println();
                stderr.flush();
                throw new OutputException("standard output was closed before the new secret was written;"
                        + " it was printed on standard error");
            }
            return;
        }
        print(body, listField, contentType, status);
    }

    private void print(InputStream body, String listField, String contentType, int status)
            throws IOException, OutputException {
        if (status == 204) {
            return; // no content: nothing to print in any format (not "null")
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        // An answer that claims JSON (or is a web page where the API should have answered) must be JSON: an empty
        // or HTML 200 comes from a proxy, a login portal or a wrong server URL, and is not success.
        boolean mustBeJson = status != 204 && (type.contains("json") || type.contains("html"));
        if (options.passthrough() && options.outputFile() == null) {
            if (mustBeJson) {
                BufferedInputStream buffered = new BufferedInputStream(body, 8192);
                buffered.mark(8192);
                byte[] start = buffered.readNBytes(8192);
                buffered.reset();
                checkStartsAsJson(start, type, status);
                body = buffered;
            }
            new Passthrough(stdoutIsTerminal).copy(body, stdout);
            checkOpen();
            return;
        }
        byte[] bytes = body.readAllBytes();
        if (mustBeJson) {
            checkStartsAsJson(bytes, type, status);
        }
        JsonNode tree;
        boolean unexamined = false;
        try {
            tree = JsonTrees.parse(bytes);
        } catch (StreamConstraintsException tooLarge) {
            if (!options.passthrough()) {
                throw new OutputException("the response is beyond what can be rendered: " + limit(tooLarge)
                        + "; -F json passes it through as received");
            }
            tree = null;
            unexamined = true; // written as received; what it holds is unknown, so the file is private
        } catch (JsonProcessingException notJson) {
            if ((mustBeJson || looksLikeJson(bytes)) && !options.passthrough()) {
                throw new OutputException("the response is not valid JSON: " + notJson.getOriginalMessage()
                        + (notJson.getLocation() == null
                                ? ""
                                : " (line " + notJson.getLocation().getLineNr() + ", column "
                                        + notJson.getLocation().getColumnNr() + ")"));
            }
            tree = null;
            unexamined = true; // text the secret check cannot read: a file of it is private
        }
        if (revealsSecret && options.outputFile() != null) {
            try {
                written(bytes, tree, listField, unexamined);
            } catch (IOException e) {
                // The secret is shown only this once: printed rather than lost.
                stderr.println(
                        "warning: " + e.getMessage() + "; the answer, with the new secret, is printed here instead");
                stderr.flush();
                stdout.write(bytes);
                stdout.flush();
            }
            return;
        }
        written(bytes, tree, listField, unexamined);
    }

    private void written(byte[] bytes, JsonNode tree, String listField, boolean unexamined)
            throws IOException, OutputException {
        try (Target target = target()) {
            if (tree == null || options.passthrough()) {
                // Not JSON (the health check answers text), or JSON kept byte for byte.
                if (tree == null && options.jq() != null) {
                    throw new OutputException("--jq needs a JSON response");
                }
                new Passthrough(target.isTerminal()).copy(new ByteArrayInputStream(bytes), target.stream());
            } else {
                render(select(tree, listField), listField, target.stream(), target.isTerminal());
            }
            target.commit(unexamined || (tree != null && secrets.holdsSecrets(tree)));
        }
    }

    /** Jackson's limit message without the name of its setting. */
    public static String limit(StreamConstraintsException e) {
        return e.getOriginalMessage()
                .replaceAll(",? *from `[^`]*`", "")
                .replaceAll("\\s*\\(\\s*\\)", "")
                .strip();
    }

    private static void checkStartsAsJson(byte[] start, String type, int status) throws OutputException {
        int first = 0;
        while (first < start.length && Character.isWhitespace(start[first])) {
            first++;
        }
        if (first == start.length) {
            throw new OutputException(
                    "the server answered HTTP " + status + " with an empty body where JSON was expected");
        }
        byte b = start[first];
        if (type.contains("html")
                || !(b == '{'
                        || b == '['
                        || b == '"'
                        || b == '-'
                        || (b >= '0' && b <= '9')
                        || b == 't'
                        || b == 'f'
                        || b == 'n')) {
            String shown = new String(start, first, Math.min(60, start.length - first), StandardCharsets.UTF_8);
            throw new OutputException("the server answered HTTP " + status + " with "
                    + (type.isEmpty() ? "a body" : type) + " that is not JSON (it starts with '"
                    + TerminalSafe.line(shown) + "'); is the server URL right, or is a proxy in the way?");
        }
    }

    private static boolean looksLikeJson(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return b == '{' || b == '[';
            }
        }
        return false;
    }

    private JsonNode select(JsonNode tree, String listField) {
        if (options.fields() == null) {
            return tree;
        }
        warnAboutMissingFields(listField != null && tree.path(listField).isArray() ? tree.get(listField) : tree);
        if (listField != null && tree.path(listField).isArray()) {
            ObjectNode copy = tree.deepCopy();
            copy.set(listField, options.fields().apply(tree.get(listField)));
            return copy;
        }
        return options.fields().apply(tree);
    }

    /** A --fields name that no object of the answer has is most likely a typo: said once, not silently dropped. */
    private void warnAboutMissingFields(JsonNode value) {
        Set<String> present = new TreeSet<>();
        if (value.isArray()) {
            value.forEach(item -> item.fieldNames().forEachRemaining(present::add));
        } else {
            value.fieldNames().forEachRemaining(present::add);
        }
        if (present.isEmpty()) {
            return;
        }
        List<String> missing = options.fields().names().stream()
                .filter(name -> !present.contains(name))
                .toList();
        if (!missing.isEmpty()) {
            stderr.println("warning: --fields: no field " + String.join(", ", missing) + " in the answer; it has "
                    + TerminalSafe.line(String.join(", ", present)));
        }
    }

    private void render(JsonNode value, String listField, OutputStream out, boolean terminal)
            throws IOException, OutputException {
        if (options.jq() != null) {
            jq(value, out);
            out.flush();
            return;
        }
        OutputFormat format = options.effectiveFormat();
        boolean list = listField != null && value.path(listField).isArray();
        JsonNode shown = format == OutputFormat.TABLE && list ? value.get(listField) : value;
        String hint = null;
        if (list
                && terminal
                && options.fields() == null
                && (format == OutputFormat.TABLE || format == OutputFormat.PRETTY)) {
            // A person at a terminal gets the few columns that tell items apart, and how to see the rest.
            List<String> columns = ListColumns.of(listField, value.get(listField));
            if (!columns.isEmpty()) {
                JsonNode narrowed = ListColumns.select(value.get(listField), columns);
                if (format == OutputFormat.TABLE) {
                    shown = narrowed;
                } else {
                    ObjectNode copy = ((ObjectNode) value).deepCopy();
                    copy.set(listField, narrowed);
                    shown = copy;
                }
                hint = ListColumns.hint(columns, value.get(listField));
            }
        }
        Renderers.of(format, options.render()).render(forTerminal(forPeople(shown), terminal), out);
        if (hint != null) {
            out.flush(); // after the list, not before it
            stderr.println(hint);
        }
    }

    private void jq(JsonNode value, OutputStream out) throws IOException, OutputException {
        try {
            for (JsonNode result : options.jq().apply(value)) {
                if (options.raw() && result.isTextual()) {
                    out.write((stdoutIsTerminal ? TerminalSafe.text(result.textValue()) : result.textValue())
                            .getBytes(StandardCharsets.UTF_8));
                } else {
                    JsonTrees.write(result, out);
                }
                out.write('\n');
            }
        } catch (JsonQueryException e) {
            throw new OutputException("jq: " + e.getMessage());
        }
    }

    /** PrintStream hides write errors; a closed pipe must end the work (no more pages fetched for nobody). */
    private void checkOpen() throws OutputClosedException {
        if (stdout.checkError()) {
            throw new OutputClosedException();
        }
    }

    /**
     * A sink for the items of a paged walk; {@link Items#finish} completes the output, close ends it either way.
     *
     * @param listField the array property that holds a page's items (--fields applies to them), or null
     */
    public Items items(String listField) throws IOException {
        return new Items(target(), listField);
    }

    /** Where a paged walk puts its items: straight from the parser when nothing needs to look at them. */
    public final class Items implements AutoCloseable {
        private final Target target;
        private final ItemStream stream;
        private boolean sensitive;
        private boolean fieldsChecked;
        /** The columns a person at a terminal sees of each item (chosen from the first), or null for all. */
        private List<String> columns;

        private String hint;
        /** Whether the progress line is on the terminal now: it is cleared before more output and at the end. */
        private boolean progressShown;

        private final String listField;

        private Items(Target target, String listField) throws IOException {
            this.target = target;
            this.listField = listField;
            this.stream = options.jq() != null
                    ? null
                    : Renderers.of(options.effectiveFormat(), options.render()).stream(target.stream());
        }

        /** The item the parser is on. */
        public void item(JsonParser parser) throws IOException {
            clearProgress();
            if (stream != null && stream.copies() && options.fields() == null && target.file() == null) {
                stream.copy(parser);
            } else {
                item(JsonTrees.read(parser));
            }
        }

        /** With --jq, the program runs on each page's whole body, as it would without paging (as gh's --paginate). */
        public boolean takesPages() {
            return options.jq() != null;
        }

        /** A whole page, for --jq. */
        public void page(JsonNode body) throws IOException {
            clearProgress();
            if (target.file() != null && !sensitive) {
                sensitive = secrets.holdsSecrets(body);
            }
            try {
                jq(select(body, listField), target.stream());
            } catch (OutputException e) {
                throw new JqRuntimeException(e);
            }
        }

        public void item(JsonNode item) throws IOException {
            clearProgress();
            if (target.file() != null && !sensitive) {
                sensitive = secrets.holdsSecrets(item);
            }
            if (options.fields() != null && !fieldsChecked) {
                fieldsChecked = true;
                warnAboutMissingFields(item);
            }
            JsonNode selected =
                    options.fields() == null ? item : options.fields().apply(item);
            OutputFormat format = options.effectiveFormat();
            if (stream != null
                    && listField != null
                    && target.isTerminal()
                    && options.fields() == null
                    && (format == OutputFormat.PRETTY || format == OutputFormat.TABLE)) {
                if (columns == null) {
                    JsonNode first = JsonTrees.NODES.arrayNode().add(item);
                    columns = ListColumns.of(listField, first);
                    hint = columns.isEmpty() ? null : ListColumns.hint(columns, first);
                }
                if (!columns.isEmpty()) {
                    selected = new FieldSelector(columns).apply(item);
                }
            }
            if (stream != null) {
                stream.item(forTerminal(forPeople(selected), target.isTerminal()));
                return;
            }
            try {
                jq(selected, target.stream());
            } catch (OutputException e) {
                throw new JqRuntimeException(e);
            }
        }

        /** A page is done: output flushed, a closed pipe noticed, progress shown on a terminal. */
        public void endOfPage(long fetched, long total) throws IOException {
            if (stream != null) {
                stream.endOfPage();
            }
            target.stream().flush();
            if (target.file() == null) {
                checkOpen();
            }
            if (stderrIsTerminal) {
                stderr.print("\r\u001b[Kfetched " + fetched + (total >= 0 ? " of " + total : "") + " items");
                stderr.flush();
                progressShown = true;
            }
        }

        /** Finishes the output; only a complete walk is committed to -o. */
        public void finish() throws IOException {
            clearProgress();
            if (stream != null) {
                stream.close();
            }
            target.commit(sensitive);
            if (hint != null) {
                stdout.flush(); // after the list, not before it
                stderr.println(hint);
            }
        }

        @Override
        public void close() throws IOException {
            clearProgress();
            target.close();
        }

        /**
         * Output and progress share the terminal: the next items would otherwise be printed after the progress text
         * on the same line. The line is redrawn at the end of the next page.
         */
        private void clearProgress() {
            if (progressShown) {
                stderr.print("\r\u001b[K");
                stderr.flush();
                progressShown = false;
            }
        }
    }

    /** A jq runtime error raised inside the page walk, carried out as an unchecked exception. */
    public static final class JqRuntimeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JqRuntimeException(OutputException cause) {
            super(cause.getMessage(), cause);
        }

        public OutputException failure() {
            return (OutputException) getCause();
        }
    }

    private Target target() throws IOException {
        if (options.outputFile() == null) {
            return new Target(stdout, null);
        }
        try {
            return new Target(null, AtomicFile.create(options.outputFile()));
        } catch (IOException e) {
            throw new IOException("cannot write " + options.outputFile() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Standard output, or an atomic file. JSON on a terminal passes {@link TerminalSafe}: control characters from a
     * server (C1 ones too, which JSON does not escape) become {@code \u009b}-style escapes, which in a JSON string mean
     * the same character.
     */
    private final class Target implements AutoCloseable {
        private final PrintStream console;
        private final AtomicFile file;
        private final OutputStream safe;

        Target(PrintStream console, AtomicFile file) {
            this.console = console;
            this.file = file;
            // JSON (a format's or jq's) leaves C1 characters raw; the other formats escape them in the tree already,
            // and
            // their colours are ours to send.
            boolean json = options.jq() != null || options.effectiveFormat() == OutputFormat.JSON;
            this.safe = file == null && stdoutIsTerminal && json ? TerminalSafe.stream(console) : null;
        }

        OutputStream stream() {
            return file != null ? file.stream() : safe != null ? safe : console;
        }

        AtomicFile file() {
            return file;
        }

        boolean isTerminal() {
            return file == null && stdoutIsTerminal;
        }

        void commit(boolean privateFile) throws IOException {
            if (file != null) {
                try {
                    file.commit(privateFile);
                } catch (IOException e) {
                    throw e.getMessage() != null && e.getMessage().startsWith("cannot write ")
                            ? e
                            : new IOException("cannot write " + options.outputFile() + ": " + e.getMessage(), e);
                }
            } else {
                if (safe != null) {
                    safe.close(); // writes a byte it held back; the console stays open
                }
                console.flush();
            }
        }

        @Override
        public void close() throws IOException {
            if (file != null) {
                file.close();
            } else if (safe != null) {
                safe.close();
            }
        }
    }
}
