package com.authlete.toolkit.cli.app;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" for mistyped command words and flags: the closest known name within a small edit distance. */
final class Suggestions {

    private Suggestions() {}

    /** The candidate closest to {@code typed}, when it is close enough to be a typo (or {@code typed} is its prefix). */
    static Optional<String> closest(String typed, Collection<String> candidates) {
        int allowed = Math.max(1, Math.min(3, typed.length() / 3));
        return candidates.stream()
                .filter(candidate ->
                        distance(typed, candidate) <= allowed || (typed.length() >= 3 && candidate.startsWith(typed)))
                .min(Comparator.comparingInt((String candidate) -> distance(typed, candidate))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost one. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
