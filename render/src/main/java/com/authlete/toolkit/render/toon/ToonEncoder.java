package com.authlete.toolkit.render.toon;

import com.authlete.toolkit.render.ToonOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Encodes JSON values as TOON, Token-Oriented Object Notation, following spec 3.3: objects as indented
 * {@code key: value} lines, primitive arrays inline, uniform arrays of flat objects as tables
 * ({@code clients[2]{clientId,clientName}:} and one row per object), everything else as {@code -} lists.
 * Output has LF line endings and no trailing newline.
 */
public final class ToonEncoder {

    private final ToonOptions options;
    private final String[] indents = new String[64];
    /** Keys repeat on every row of a list: their encoding is worth remembering (bounded, so input cannot grow it). */
    private final Map<String, String> keys = new HashMap<>();

    public ToonEncoder(ToonOptions options) {
        this.options = options;
    }

    public String encode(JsonNode value) {
        StringBuilder out = new StringBuilder();
        encode(value, out);
        return out.toString();
    }

    /**
     * Writes the encoding of one value (a whole TOON document) to {@code out}: straight into a {@link StringBuilder},
     * otherwise in blocks of about 64 KB (one append per block, whatever the size of the document).
     */
    public void encode(JsonNode value, Appendable out) {
        Lines lines = out instanceof StringBuilder text
                ? new Lines(text, null, rootDottedKeys(value))
                : new Lines(new StringBuilder(Lines.BLOCK + 1024), out, rootDottedKeys(value));
        if (value.isObject()) {
            fields((ObjectNode) value, 0, lines, true, "");
        } else if (value.isArray()) {
            array("", value, "", 0, lines, true, true, true);
        } else {
            lines.start("");
            ToonScalars.appendPrimitive(value, options.delimiter(), lines.text);
        }
        lines.finish();
    }

    /** {@code path} is the dotted path of this object from the root, or null inside arrays. */
    private void fields(ObjectNode object, int depth, Lines lines, boolean fold, String path) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            field(field.getKey(), field.getValue(), indent(depth), depth, object, lines, fold, path);
        }
    }

    /** Dotted keys of a root object: a fold must not produce one of them as its full path either. */
    private static Set<String> rootDottedKeys(JsonNode value) {
        Set<String> keys = new HashSet<>();
        if (value.isObject()) {
            value.fieldNames().forEachRemaining(key -> {
                if (key.indexOf('.') >= 0) {
                    keys.add(key);
                }
            });
        }
        return keys;
    }

    /** One field; {@code lead} starts its first line (indentation, and "- " for a list item's first field). */
    private void field(
            String key,
            JsonNode value,
            String lead,
            int depth,
            ObjectNode siblings,
            Lines lines,
            boolean fold,
            String path) {
        String encodedKey = key(key);
        Folded folded = fold && options.keyFolding() ? fold(key, value, siblings, path, lines.rootDottedKeys) : null;
        String childPath = path == null ? null : path.isEmpty() ? key : path + "." + key;
        if (folded != null) {
            encodedKey = folded.key();
            value = folded.value();
            fold = folded.complete();
            childPath = path == null ? null : path.isEmpty() ? folded.key() : path + "." + folded.key();
        }
        if (value.isObject()) {
            lines.start(lead).append(encodedKey).append(':');
            fields((ObjectNode) value, depth + 1, lines, fold, childPath);
        } else if (value.isArray()) {
            array(encodedKey, value, lead, depth, lines, fold, true, true);
        } else {
            ToonScalars.appendPrimitive(
                    value,
                    options.delimiter(),
                    lines.start(lead).append(encodedKey).append(": "));
        }
    }

    /**
     * An array under a header. {@code emptyAsBrackets}: an empty array in field or root position is written
     * {@code []}; {@code tabularAllowed}: a list item's array has no place for a field list.
     */
    private void array(
            String key,
            JsonNode array,
            String lead,
            int depth,
            Lines lines,
            boolean fold,
            boolean emptyAsBrackets,
            boolean tabularAllowed) {
        int size = array.size();
        if (size == 0 && emptyAsBrackets) {
            lines.start(lead).append(key).append(key.isEmpty() ? "[]" : ": []");
            return;
        }
        String header = lead + key + "[" + size + delimiterSymbol() + "]";
        char delimiter = options.delimiter();
        if (allPrimitives(array)) {
            StringBuilder line = lines.start(header).append(':');
            for (int i = 0; i < size; i++) {
                ToonScalars.appendPrimitive(array.get(i), delimiter, line.append(i == 0 ? ' ' : delimiter));
            }
            return;
        }
        String[] columns = tabularAllowed ? tabularColumns(array) : null;
        if (columns != null) {
            StringBuilder line = lines.start(header).append('{');
            for (int i = 0; i < columns.length; i++) {
                line.append(i == 0 ? "" : String.valueOf(delimiter)).append(key(columns[i]));
            }
            line.append("}:");
            String rowIndent = indent(depth + 1);
            for (JsonNode row : array) {
                // Rows are most of a large document: values go straight into the output, and in the usual case
                // (fields in column order) they are taken in order instead of being looked up by name.
                StringBuilder out = lines.start(rowIndent);
                int i = 0;
                for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext() && i < columns.length; i++) {
                    Map.Entry<String, JsonNode> field = it.next();
                    if (!sameKey(field.getKey(), columns[i])) {
                        break;
                    }
                    ToonScalars.appendPrimitive(field.getValue(), delimiter, i > 0 ? out.append(delimiter) : out);
                }
                for (; i < columns.length; i++) {
                    ToonScalars.appendPrimitive(row.get(columns[i]), delimiter, i > 0 ? out.append(delimiter) : out);
                }
            }
            return;
        }
        lines.start(header).append(':');
        for (JsonNode item : array) {
            listItem(item, depth + 1, lines, fold);
        }
    }

    private void listItem(JsonNode item, int depth, Lines lines, boolean fold) {
        String lead = indent(depth) + "- ";
        if (item.isArray()) {
            array("", item, lead, depth, lines, fold, false, false);
        } else if (item.isObject()) {
            if (item.isEmpty()) {
                lines.start(indent(depth)).append('-');
                return;
            }
            ObjectNode object = (ObjectNode) item;
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                field(
                        field.getKey(),
                        field.getValue(),
                        first ? lead : indent(depth + 1),
                        depth + 1,
                        object,
                        lines,
                        fold,
                        null);
                first = false;
            }
        } else {
            ToonScalars.appendPrimitive(item, options.delimiter(), lines.start(lead));
        }
    }

    private static boolean allPrimitives(JsonNode array) {
        for (JsonNode item : array) {
            if (item.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    /** The columns when every item is a non-empty object of primitives with the same keys; otherwise null. */
    private static String[] tabularColumns(JsonNode array) {
        JsonNode first = array.get(0);
        if (!first.isObject() || first.isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        first.fieldNames().forEachRemaining(names::add);
        String[] columns = names.toArray(new String[0]);
        Set<String> keys = null; // only built for an item whose fields come in another order
        for (JsonNode item : array) {
            if (!item.isObject() || item.size() != columns.length) {
                return null;
            }
            int i = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); i++) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isContainerNode()) {
                    return null;
                }
                if (!sameKey(field.getKey(), columns[i])) {
                    keys = keys != null ? keys : new HashSet<>(names);
                    if (!keys.contains(field.getKey())) {
                        return null;
                    }
                }
            }
        }
        return columns;
    }

    /** Keys parsed by Jackson are usually the same interned instance, so identity decides most comparisons. */
    private static boolean sameKey(String key, String column) {
        return key == column || key.equals(column);
    }

    /** A folded key and the value it leads to; {@code complete} is false when flattenDepth cut the chain short. */
    private record Folded(String key, JsonNode value, boolean complete) {}

    /** Key folding, safe mode (section 13.4): chains of single-key objects become one dotted key. */
    private Folded fold(String key, JsonNode value, ObjectNode siblings, String path, Set<String> rootDottedKeys) {
        List<String> segments = new ArrayList<>();
        segments.add(key);
        JsonNode leaf = value;
        while (leaf.isObject() && leaf.size() == 1) {
            Map.Entry<String, JsonNode> only = leaf.fields().next();
            segments.add(only.getKey());
            leaf = only.getValue();
        }
        int length = segments.size();
        int depth = Math.min(length, options.flattenDepth());
        if (length < 2 || depth < 2 || (leaf.isObject() && !leaf.isEmpty())) {
            return null;
        }
        for (String segment : segments.subList(0, depth)) {
            if (!ToonScalars.isIdentifierSegment(segment)) {
                return null;
            }
        }
        String folded = String.join(".", segments.subList(0, depth));
        if (siblings.has(folded)
                || (path != null && rootDottedKeys.contains(path.isEmpty() ? folded : path + "." + folded))) {
            return null;
        }
        JsonNode target = value;
        for (String segment : segments.subList(1, depth)) {
            target = target.get(segment);
        }
        return new Folded(folded, target, depth == length);
    }

    private String key(String key) {
        String encoded = keys.get(key);
        if (encoded == null) {
            encoded = ToonScalars.key(key);
            if (keys.size() < 4096) {
                keys.put(key, encoded);
            }
        }
        return encoded;
    }

    private String delimiterSymbol() {
        return options.delimiter() == ',' ? "" : String.valueOf(options.delimiter());
    }

    private String indent(int depth) {
        if (depth < indents.length) {
            String cached = indents[depth];
            if (cached == null) {
                cached = " ".repeat(depth * options.indent());
                indents[depth] = cached;
            }
            return cached;
        }
        return " ".repeat(depth * options.indent());
    }

    /**
     * Lines separated by LF, with no newline after the last, built in a {@link StringBuilder}; with a sink, the text
     * is handed over whenever it passes {@link #BLOCK} characters at the start of a line.
     */
    private static final class Lines {
        static final int BLOCK = 1 << 16;
        final StringBuilder text;
        private final Appendable sink;
        private final Set<String> rootDottedKeys;
        private boolean started;

        Lines(StringBuilder text, Appendable sink, Set<String> rootDottedKeys) {
            this.text = text;
            this.sink = sink;
            this.rootDottedKeys = rootDottedKeys;
        }

        /** Begins a new line with the given text and returns the builder to append the rest of it to. */
        StringBuilder start(String lead) {
            if (started) {
                if (sink != null && text.length() >= BLOCK) {
                    drain();
                }
                text.append('\n');
            }
            started = true;
            return text.append(lead);
        }

        void finish() {
            if (sink != null) {
                drain();
            }
        }

        private void drain() {
            try {
                sink.append(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            text.setLength(0);
        }
    }
}
