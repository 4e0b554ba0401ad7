package com.authlete.toolkit.render.toon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
    private final java.util.Map<String, String> keys = new java.util.HashMap<>();

    public ToonEncoder(ToonOptions options) {
        this.options = options;
    }

    public String encode(JsonNode value) {
        StringBuilder out = new StringBuilder();
        encode(value, out);
        return out.toString();
    }

    /** Writes the encoding of one value (a whole TOON document) to {@code out}. */
    public void encode(JsonNode value, Appendable out) {
        Lines lines = new Lines(out, rootDottedKeys(value));
        if (value.isObject()) {
            fields((ObjectNode) value, 0, lines, true, "");
        } else if (value.isArray()) {
            array("", value, "", 0, lines, true, true, true);
        } else {
            lines.add(ToonScalars.primitive(value, options.delimiter()));
        }
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
    private void field(String key, JsonNode value, String lead, int depth, ObjectNode siblings, Lines lines, boolean fold,
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
            lines.add(lead + encodedKey + ":");
            fields((ObjectNode) value, depth + 1, lines, fold, childPath);
        } else if (value.isArray()) {
            array(encodedKey, value, lead, depth, lines, fold, true, true);
        } else {
            lines.add(lead + encodedKey + ": " + ToonScalars.primitive(value, options.delimiter()));
        }
    }

    /**
     * An array under a header. {@code emptyAsBrackets}: an empty array in field or root position is written
     * {@code []}; {@code tabularAllowed}: a list item's array has no place for a field list.
     */
    private void array(String key, JsonNode array, String lead, int depth, Lines lines, boolean fold,
                       boolean emptyAsBrackets, boolean tabularAllowed) {
        int size = array.size();
        if (size == 0 && emptyAsBrackets) {
            lines.add(key.isEmpty() ? lead + "[]" : lead + key + ": []");
            return;
        }
        String header = lead + key + "[" + size + delimiterSymbol() + "]";
        if (allPrimitives(array)) {
            StringBuilder line = new StringBuilder(header).append(':');
            for (int i = 0; i < size; i++) {
                line.append(i == 0 ? ' ' : options.delimiter())
                        .append(ToonScalars.primitive(array.get(i), options.delimiter()));
            }
            lines.add(line.toString());
            return;
        }
        List<String> columns = tabularAllowed ? tabularColumns(array) : null;
        if (columns != null) {
            lines.add(header + "{" + String.join(String.valueOf(options.delimiter()),
                    columns.stream().map(this::key).toList()) + "}:");
            String rowIndent = indent(depth + 1);
            for (JsonNode row : array) {
                // Rows are most of a large document: their pieces go straight out, not through a line String.
                lines.start(rowIndent);
                for (int i = 0; i < columns.size(); i++) {
                    if (i > 0) {
                        lines.append(options.delimiter());
                    }
                    lines.append(ToonScalars.primitive(row.get(columns.get(i)), options.delimiter()));
                }
            }
            return;
        }
        lines.add(header + ":");
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
                lines.add(indent(depth) + "-");
                return;
            }
            ObjectNode object = (ObjectNode) item;
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                field(field.getKey(), field.getValue(), first ? lead : indent(depth + 1), depth + 1, object, lines, fold,
                        null);
                first = false;
            }
        } else {
            lines.add(lead + ToonScalars.primitive(item, options.delimiter()));
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
    private static List<String> tabularColumns(JsonNode array) {
        JsonNode first = array.get(0);
        if (!first.isObject() || first.isEmpty()) {
            return null;
        }
        List<String> columns = new ArrayList<>();
        first.fieldNames().forEachRemaining(columns::add);
        Set<String> keys = new HashSet<>(columns);
        for (JsonNode item : array) {
            if (!item.isObject() || item.size() != keys.size()) {
                return null;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!keys.contains(field.getKey()) || field.getValue().isContainerNode()) {
                    return null;
                }
            }
        }
        return columns;
    }

    /** A folded key and the value it leads to; {@code complete} is false when flattenDepth cut the chain short. */
    private record Folded(String key, JsonNode value, boolean complete) {
    }

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
        if (siblings.has(folded) || (path != null && rootDottedKeys.contains(path.isEmpty() ? folded : path + "." + folded))) {
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

    /** Writes lines separated by LF, with no newline after the last. */
    private static final class Lines {
        private final Appendable out;
        private final Set<String> rootDottedKeys;
        private boolean started;

        Lines(Appendable out, Set<String> rootDottedKeys) {
            this.out = out;
            this.rootDottedKeys = rootDottedKeys;
        }

        void add(String line) {
            start(line);
        }

        /** Begins a new line with the given text; more may be appended to it. */
        void start(String text) {
            try {
                if (started) {
                    out.append('\n');
                }
                out.append(text);
                started = true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void append(CharSequence text) {
            try {
                out.append(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void append(char c) {
            try {
                out.append(c);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
