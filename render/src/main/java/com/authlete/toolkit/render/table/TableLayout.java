package com.authlete.toolkit.render.table;

import java.util.ArrayList;
import java.util.List;

/**
 * Column widths for a table: each column as wide as its widest cell, then, when a width limit is set, columns
 * narrowed (widest first) down to a minimum, and columns that still do not fit left out from the right.
 */
record TableLayout(List<String> columns, int[] widths) {

    static final int MIN_WIDTH = 6;
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
        int count = columns.size();
        while (count > 1 && count * MIN_WIDTH + (count - 1) * GAP > limit) {
            count--;
        }
        int[] widths = java.util.Arrays.copyOf(natural, count);
        int total = total(widths);
        while (total > limit) {
            int widest = 0;
            for (int c = 1; c < widths.length; c++) {
                if (widths[c] > widths[widest]) {
                    widest = c;
                }
            }
            if (widths[widest] <= MIN_WIDTH) {
                break;
            }
            widths[widest] = Math.max(MIN_WIDTH, widths[widest] - (total - limit));
            total = total(widths);
        }
        return new TableLayout(new ArrayList<>(columns.subList(0, count)), widths);
    }

    private static int total(int[] widths) {
        int sum = (widths.length - 1) * GAP;
        for (int width : widths) {
            sum += width;
        }
        return sum;
    }

    /** One line: cells padded to their widths, cut with an ellipsis when longer; no trailing spaces. */
    String line(List<String> cells) {
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            String cell = cells.get(c);
            if (cell.length() > widths[c]) {
                cell = cell.substring(0, widths[c] - 1) + "\u2026";
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
