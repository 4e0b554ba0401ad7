package com.authlete.toolkit.render.table;

import com.authlete.toolkit.render.ItemStream;
import com.authlete.toolkit.render.RenderOptions;
import com.authlete.toolkit.render.Renderer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tables: an array becomes one row per item with a column per scalar field (in order of first appearance); any
 * other value becomes KEY/VALUE rows. Widths fit the given terminal width; long cells end in an ellipsis.
 */
public final class TableRenderer implements Renderer {

    private final int width;
    private final boolean color;
    private final boolean readableTimes;
    private final boolean columnsAsGiven;

    public TableRenderer(int width, boolean color) {
        this(new RenderOptions(color, width));
    }

    public TableRenderer(RenderOptions options) {
        this.width = options.width();
        this.color = options.color();
        this.readableTimes = options.readableTimes();
        this.columnsAsGiven = options.columnsAsGiven();
    }

    @Override
    public void render(JsonNode value, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (value.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            value.forEach(items::add);
            List<String> columns = ordered(columns(items), items);
            write(TableLayout.fit(columns, cells(columns, items), width), items, true, writer);
        } else {
            List<String> columns = List.of("KEY", "VALUE");
            List<List<String>> rows = new ArrayList<>();
            if (value.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    rows.add(List.of(field.getKey(), cell(field.getKey(), field.getValue())));
                }
            } else {
                rows.add(List.of("value", cell(value)));
            }
            TableLayout layout = TableLayout.fit(columns, rows, width);
            header(layout, writer);
            for (List<String> row : rows) {
                writer.write(layout.line(row) + "\n");
            }
        }
        writer.flush();
    }

    /** Rows as items arrive; the columns and widths come from the first page. */
    @Override
    public ItemStream stream(OutputStream out) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        return new ItemStream() {
            private final List<JsonNode> firstPage = new ArrayList<>();
            private TableLayout layout;

            @Override
            public void item(JsonNode item) throws IOException {
                if (layout == null) {
                    firstPage.add(item);
                } else {
                    writer.write(
                            layout.line(cells(layout.columns(), List.of(item)).get(0)) + "\n");
                }
            }

            @Override
            public void endOfPage() throws IOException {
                if (layout == null) {
                    List<String> columns = ordered(columns(firstPage), firstPage);
                    layout = TableLayout.fit(columns, cells(columns, firstPage), width);
                    write(layout, firstPage, true, writer);
                    firstPage.clear();
                }
                writer.flush();
            }

            @Override
            public void close() throws IOException {
                endOfPage();
            }
        };
    }

    private void write(TableLayout layout, List<JsonNode> items, boolean withHeader, Writer out) throws IOException {
        if (withHeader) {
            header(layout, out);
        }
        for (List<String> row : cells(layout.columns(), items)) {
            out.write(layout.line(row) + "\n");
        }
    }

    private void header(TableLayout layout, Writer out) throws IOException {
        String line = layout.line(layout.columns());
        out.write(color ? "\u001b[1m" + line + "\u001b[0m\n" : line + "\n");
    }

    /** Scalar fields in order of first appearance; for arrays of scalars, one column named "value". */
    static List<String> columns(List<JsonNode> items) {
        Set<String> columns = new LinkedHashSet<>();
        for (JsonNode item : items) {
            if (item.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    if (!field.getValue().isContainerNode()) {
                        columns.add(field.getKey());
                    }
                }
            } else {
                columns.add("value");
            }
        }
        return new ArrayList<>(columns);
    }

    /**
     * Columns a person wants first: identifiers ({@code id}, {@code ...Id}, {@code ...Key}), then names, then short
     * values; long values (URLs, keys, descriptions) last, where a narrow terminal cuts them. The order the fields
     * came in is kept within each rank, and entirely when the user chose the fields.
     */
    List<String> ordered(List<String> columns, List<JsonNode> items) {
        if (columnsAsGiven) {
            return columns;
        }
        Map<String, Integer> ranks = new HashMap<>();
        columns.forEach(column -> ranks.put(column, rank(column, items))); // once per column, not per comparison
        List<String> sorted = new ArrayList<>(columns);
        sorted.sort(Comparator.comparingInt(ranks::get));
        return sorted;
    }

    private static int rank(String column, List<JsonNode> items) {
        String name = column.toLowerCase(Locale.ROOT);
        if (name.equals("id")
                || name.endsWith("id")
                || name.equals("key")
                || name.endsWith("key") && !name.endsWith("publickey")) {
            return 0;
        }
        if (name.endsWith("name") || name.equals("title")) {
            return 1;
        }
        long total = 0;
        int count = 0;
        for (JsonNode item : items) {
            JsonNode value = item.isObject() ? item.get(column) : null;
            if (value != null && !value.isNull()) {
                String text = value.asText();
                if (text.contains("://")) {
                    return 3;
                }
                total += text.length();
                count++;
            }
        }
        return count > 0 && total / count > 40 ? 3 : 2;
    }

    List<List<String>> cells(List<String> columns, List<JsonNode> items) {
        List<List<String>> rows = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            List<String> row = new ArrayList<>(columns.size());
            for (String column : columns) {
                JsonNode value = item.isObject() ? item.get(column) : column.equals("value") ? item : null;
                row.add(value == null ? "" : cell(column, value));
            }
            rows.add(row);
        }
        return rows;
    }

    String cell(String column, JsonNode value) {
        if (readableTimes && isTimestamp(column, value)) {
            return TIMESTAMP.format(Instant.ofEpochMilli(value.longValue()));
        }
        return cell(value);
    }

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    /** An integer of milliseconds since 1970 between 2001 and 2286, under a name that says it is a time. */
    static boolean isTimestamp(String column, JsonNode value) {
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            return false;
        }
        long millis = value.longValue();
        String name = column.toLowerCase(Locale.ROOT);
        return millis >= 1_000_000_000_000L
                && millis < 10_000_000_000_000L
                && (column.endsWith("At") || name.endsWith("_at") || name.contains("time") || name.contains("date"));
    }

    static String cell(JsonNode value) {
        if (value.isNull()) {
            return "";
        }
        String text = value.isContainerNode()
                ? value.toString()
                : value.isNumber() ? value.numberValue().toString() : value.asText();
        return text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }
}
