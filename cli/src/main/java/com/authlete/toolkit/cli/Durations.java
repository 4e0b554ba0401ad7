package com.authlete.toolkit.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations such as {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1.5s} or a plain number of seconds. */
public final class Durations {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    private Durations() {
    }

    public static Duration parse(String flag, String text) throws CliException {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            throw CliException.usage(flag + " expects a duration such as 30s, 500ms or 2m, got '" + text + "'");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> amount;
            case "m" -> amount * 60_000;
            case "h" -> amount * 3_600_000;
            default -> amount * 1000;
        };
        if (millis < 1) {
            throw CliException.usage(flag + " must be at least 1ms, got '" + text + "'");
        }
        return Duration.ofMillis((long) millis);
    }
}
