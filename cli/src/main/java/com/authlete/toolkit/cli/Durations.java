package com.authlete.toolkit.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations such as {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1.5s} or a plain number of seconds; a bad one is an
 * {@link IllegalArgumentException} whose message names the setting.
 */
public final class Durations {

    /** No time limit anyone means is longer; beyond it a typo (or an overflow) is more likely than intent. */
    static final Duration MAX = Duration.ofHours(24);

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    private Durations() {}

    public static Duration parse(String flag, String text) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    flag + " expects a duration such as 30s, 500ms or 2m, got '" + text + "'");
        }
        // Parsed exactly: a long run of digits must be refused as too long, not overflow into something short.
        double amount = new BigDecimal(m.group(1)).min(BigDecimal.valueOf(1e15)).doubleValue();
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> amount;
            case "m" -> amount * 60_000;
            case "h" -> amount * 3_600_000;
            default -> amount * 1000;
        };
        if (millis < 1) {
            throw new IllegalArgumentException(flag + " must be at least 1ms, got '" + text + "'");
        }
        if (millis > MAX.toMillis()) {
            throw new IllegalArgumentException(flag + " must be at most 24h, got '" + text + "'");
        }
        return Duration.ofMillis((long) millis);
    }

    /** A time limit: a duration as {@link #parse} reads it, or 0 for none (null). */
    public static Duration limit(String flag, String text) {
        if (text.strip().matches("0+(\\.0+)?\\s*(ms|s|m|h)?")) {
            return null;
        }
        return parse(flag, text);
    }
}
