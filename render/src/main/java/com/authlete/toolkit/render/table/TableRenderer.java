package com.authlete.toolkit.render.table;

import com.authlete.toolkit.render.DocumentRenderer;
import com.authlete.toolkit.render.ItemStream;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tables: an array becomes one row per item with a column per scalar field (in order of first appearance); any
 * other value becomes KEY/VALUE rows. Widths fit the given terminal width; long cells end in an ellipsis.
 */
public final class TableRenderer implements DocumentRenderer {

    private final int width;
    private final boolean color;

    public TableRenderer(int width, boolean color) {
        this.width = width;
        this.color = color;
    }

    @Override
    public void render(JsonNode value, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (value.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            value.forEach(items::add);
            List<String> columns = columns(items);
            write(TableLayout.fit(columns, cells(columns, items), width), items, true, writer);
        } else {
            List<String> columns = List.of("KEY", "VALUE");
            List<List<String>> rows = new ArrayList<>();
            if (value.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    rows.add(List.of(field.getKey(), cell(field.getValue())));
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
                    writer.write(layout.line(cells(layout.columns(), List.of(item)).get(0)) + "\n");
                }
            }

            @Override
            public void endOfPage() throws IOException {
                if (layout == null) {
                    List<String> columns = columns(firstPage);
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

    static List<List<String>> cells(List<String> columns, List<JsonNode> items) {
        List<List<String>> rows = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            List<String> row = new ArrayList<>(columns.size());
            for (String column : columns) {
                JsonNode value = item.isObject() ? item.get(column) : column.equals("value") ? item : null;
                row.add(value == null ? "" : cell(value));
            }
            rows.add(row);
        }
        return rows;
    }

    static String cell(JsonNode value) {
        if (value.isNull()) {
            return "";
        }
        String text = value.isContainerNode() ? value.toString() : value.isNumber() ? value.numberValue().toString() : value.asText();
        return text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }
}
