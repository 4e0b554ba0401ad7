package com.authlete.toolkit.render.table;

import java.util.ArrayList;
import java.util.List;

/**
 * Column widths for a table: each column as wide as its widest cell. With a width limit, cells are capped at
 * {@value #MAX_WIDTH} characters and columns are taken from the left while they fit; the first that does not is
 * cut to the space left (when at least {@value #MIN_WIDTH}), and the rest are left out.
 */
record TableLayout(List<String> columns, int[] widths) {

    static final int MIN_WIDTH = 6;
    static final int MAX_WIDTH = 40;
    static final int GAP = 2;

    static TableLayout fit(List<String> columns, List<List<String>> rows, int limit) {
        int[] natural = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            natural[c] = columns.get(c).length();
            for (List<String> row : rows) {
                natural[c] = Math.max(natural[c], row.get(c).length());
            }
        }
        if (limit <= 0) {
            return new TableLayout(columns, natural);
        }
        // Leading columns at a readable width; the first that does not fit is cut, the rest left out.
        List<Integer> widths = new ArrayList<>();
        int used = 0;
        for (int c = 0; c < columns.size(); c++) {
            int gap = widths.isEmpty() ? 0 : GAP;
            int width = Math.min(natural[c], MAX_WIDTH);
            if (used + gap + width <= limit) {
                widths.add(width);
                used += gap + width;
                continue;
            }
            int remaining = limit - used - gap;
            if (remaining >= MIN_WIDTH || widths.isEmpty()) {
                widths.add(Math.max(1, remaining));
            }
            break;
        }
        return new TableLayout(
                new ArrayList<>(columns.subList(0, widths.size())),
                widths.stream().mapToInt(Integer::intValue).toArray());
    }

    /** One line: cells padded to their widths, cut with an ellipsis when longer; no trailing spaces. */
    String line(List<String> cells) {
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            String cell = cells.get(c);
            if (cell.length() > widths[c]) {
                cell = widths[c] == 1 ? "\u2026" : cell.substring(0, widths[c] - 1) + "\u2026";
            }
            if (c > 0) {
                out.append(" ".repeat(GAP));
            }
            out.append(cell);
            if (c < widths.length - 1) {
                out.append(" ".repeat(widths[c] - cell.length()));
            }
        }
        return out.toString().stripTrailing();
    }
}
