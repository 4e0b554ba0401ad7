package com.authlete.toolkit.cli;

import com.authlete.toolkit.core.catalog.ListShape;
import com.authlete.toolkit.core.json.JsonTrees;
import com.authlete.toolkit.core.paging.PageWalker;
import com.authlete.toolkit.render.AtomicFile;
import com.authlete.toolkit.render.ItemStream;
import com.authlete.toolkit.render.OutputFormat;
import com.authlete.toolkit.render.PassthroughRenderer;
import com.authlete.toolkit.render.Renderers;
import com.authlete.toolkit.render.json.JsonRenderer;
import com.authlete.toolkit.transport.redact.SensitiveNames;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Optional;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/**
 * Puts a response where and how the output flags say: the format, --fields, --jq, and -o (an atomic file,
 * private when the response holds secrets). A whole response goes through {@link #document}; the items of
 * --all through {@link #items}.
 */
final class ResponseOutput {

    private final OutputOptions options;
    private final PrintStream stdout;
    private final PrintStream stderr;
    private final Terminal terminal;

    ResponseOutput(OutputOptions options, PrintStream stdout, PrintStream stderr, Terminal terminal) {
        this.options = options;
        this.stdout = stdout;
        this.stderr = stderr;
        this.terminal = terminal;
    }

    void document(InputStream body, ListShape list) throws IOException, CliException {
        if (options.passthrough() && options.outputFile() == null) {
            new PassthroughRenderer(terminal.stdoutIsTerminal()).render(body, stdout);
            checkOpen();
            return;
        }
        byte[] bytes = body.readAllBytes();
        if (copiesAsJson()) {
            Optional<byte[]> compact = compactJson(bytes);
            if (compact.isPresent()) {
                stdout.write(compact.get());
                stdout.flush();
                checkOpen();
                return;
            }
        }
        JsonNode tree;
        try {
            tree = JsonTrees.parse(bytes);
        } catch (JsonProcessingException notJson) {
            if (!options.passthrough() && looksLikeJson(bytes)) {
                throw new CliException(ExitCode.ERROR, "the response is not valid JSON: " + notJson.getOriginalMessage()
                        + " (line " + notJson.getLocation().getLineNr() + ", column " + notJson.getLocation().getColumnNr() + ")");
            }
            tree = null;
        }
        try (Target target = target()) {
            if (tree == null || options.passthrough()) {
                // Not JSON (the health check answers text), or JSON kept byte for byte.
                if (tree == null && options.jq() != null) {
                    throw new CliException(ExitCode.ERROR, "--jq needs a JSON response");
                }
                new PassthroughRenderer(target.isTerminal()).render(new ByteArrayInputStream(bytes), target.stream());
            } else {
                render(select(tree, list), list, target.stream());
            }
            target.commit(tree != null && SensitiveNames.containsSensitive(tree));
        }
    }

    /** JSON to the terminal or a pipe, nothing to select or filter: copied, no tree needed. */
    private boolean copiesAsJson() {
        return options.effectiveFormat() == OutputFormat.JSON && options.jq() == null && options.fields() == null
                && options.outputFile() == null;
    }

    /** Empty when the text is not JSON: the tree path then says why, or passes the text through. */
    private static Optional<byte[]> compactJson(byte[] bytes) throws IOException {
        try {
            return JsonRenderer.compact(bytes);
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
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

    private JsonNode select(JsonNode tree, ListShape list) {
        if (options.fields() == null) {
            return tree;
        }
        if (list != null && tree.path(list.field()).isArray()) {
            ObjectNode copy = tree.deepCopy();
            copy.set(list.field(), options.fields().apply(tree.get(list.field())));
            return copy;
        }
        return options.fields().apply(tree);
    }

    private void render(JsonNode value, ListShape list, OutputStream out) throws IOException, CliException {
        if (options.jq() != null) {
            jq(value, out);
            out.flush();
            return;
        }
        OutputFormat format = options.effectiveFormat();
        JsonNode shown = format == OutputFormat.TABLE && list != null && value.path(list.field()).isArray()
                ? value.get(list.field()) : value;
        Renderers.document(format, options.render()).render(shown, out);
    }

    private void jq(JsonNode value, OutputStream out) throws IOException, CliException {
        try {
            for (JsonNode result : options.jq().apply(value)) {
                JsonTrees.write(result, out);
                out.write('\n');
            }
        } catch (JsonQueryException e) {
            throw new CliException(ExitCode.ERROR, "jq: " + e.getMessage());
        }
    }

    /** PrintStream hides write errors; a closed pipe must end the work (no more pages fetched for nobody). */
    private void checkOpen() throws OutputClosedException {
        if (stdout.checkError()) {
            throw new OutputClosedException();
        }
    }

    /** A sink for the items of --all; close it to finish the output. */
    Items items() throws IOException {
        return new Items(target());
    }

    final class Items implements PageWalker.ItemSink, AutoCloseable {
        private final Target target;
        private final ItemStream stream;
        private boolean sensitive;
        private boolean progressShown;

        private Items(Target target) throws IOException {
            this.target = target;
            this.stream = options.jq() != null ? null : Renderers.stream(options.effectiveFormat(), options.render(), target.stream());
        }

        /** Items go straight from parser to output when nothing needs to look at them. */
        @Override
        public void item(JsonParser parser) throws IOException {
            if (stream != null && stream.copies() && options.fields() == null && target.file() == null) {
                stream.copy(parser);
            } else {
                item(JsonTrees.read(parser));
            }
        }

        @Override
        public void item(JsonNode item) throws IOException {
            if (target.file() != null && !sensitive) {
                sensitive = SensitiveNames.containsSensitive(item);
            }
            JsonNode selected = options.fields() == null ? item : options.fields().apply(item);
            if (stream != null) {
                stream.item(selected);
                return;
            }
            try {
                jq(selected, target.stream());
            } catch (CliException e) {
                throw new JqRuntimeException(e);
            }
        }

        @Override
        public void endOfPage(long fetched, long total) throws IOException {
            if (stream != null) {
                stream.endOfPage();
            }
            target.stream().flush();
            if (target.file() == null) {
                checkOpen();
            }
            if (terminal.stderrIsTerminal()) {
                stderr.print("\r\u001b[Kfetched " + fetched + (total >= 0 ? " of " + total : "") + " items");
                stderr.flush();
                progressShown = true;
            }
        }

        /** Finishes the output; only a complete walk is committed to -o. */
        void finish() throws IOException {
            if (stream != null) {
                stream.close();
            }
            target.commit(sensitive);
        }

        @Override
        public void close() throws IOException {
            if (progressShown) {
                stderr.print("\r\u001b[K");
                stderr.flush();
            }
            target.close();
        }
    }

    /** A jq runtime error raised inside the page walk, carried out as an unchecked exception. */
    static final class JqRuntimeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JqRuntimeException(CliException cause) {
            super(cause.getMessage(), cause);
        }

        CliException failure() {
            return (CliException) getCause();
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

    /** Standard output, or an atomic file. */
    private final class Target implements AutoCloseable {
        private final PrintStream console;
        private final AtomicFile file;

        Target(PrintStream console, AtomicFile file) {
            this.console = console;
            this.file = file;
        }

        OutputStream stream() {
            return file != null ? file.stream() : console;
        }

        AtomicFile file() {
            return file;
        }

        boolean isTerminal() {
            return file == null && terminal.stdoutIsTerminal();
        }

        void commit(boolean privateFile) throws IOException {
            if (file != null) {
                file.commit(privateFile);
            } else {
                console.flush();
            }
        }

        @Override
        public void close() throws IOException {
            if (file != null) {
                file.close();
            }
        }
    }
}
