package com.authlete.toolkit.render.toon;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/** How TOON writes primitives and keys: number canonical form (section 2), quoting (7.2), escaping (7.1), keys (7.3). */
final class ToonScalars {

    private static final Pattern NUMERIC_LIKE =
            Pattern.compile("-?\\d+(?:\\.\\d+)?(?:e[+-]?\\d+)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNQUOTED_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
    private static final Pattern IDENTIFIER_SEGMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final BigDecimal SMALL = new BigDecimal("1e-6");
    private static final BigDecimal LARGE = new BigDecimal("1e21");

    private ToonScalars() {}

    static boolean isPrimitive(JsonNode node) {
        return node.isValueNode() || node.isNull() || node.isMissingNode();
    }

    /** A primitive as TOON text; {@code delimiter} is the one that forces quoting in this position. */
    static String primitive(JsonNode node, char delimiter) {
        if (node.isNull() || node.isMissingNode()) {
            return "null";
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "true" : "false";
        }
        if (node.isNumber()) {
            return number(node);
        }
        return string(node.asText(), delimiter);
    }

    /** Appends a primitive as TOON text: the same text as {@link #primitive}, without an intermediate string. */
    static void appendPrimitive(JsonNode node, char delimiter, StringBuilder out) {
        if (node.isTextual()) {
            appendString(node.textValue(), delimiter, out);
        } else if (node.isInt() || node.isLong()) {
            out.append(node.longValue());
        } else {
            out.append(primitive(node, delimiter));
        }
    }

    static String number(JsonNode node) {
        if (node.isInt() || node.isLong()) {
            return Long.toString(node.longValue()); // already canonical: the common case, without BigDecimal
        }
        if (node.isBigInteger()) {
            return node.bigIntegerValue().toString();
        }
        if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
            return "null";
        }
        BigDecimal value = node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue();
        if (value.signum() == 0) {
            return "0";
        }
        BigDecimal normalized = value.stripTrailingZeros();
        BigDecimal magnitude = normalized.abs();
        if (magnitude.compareTo(SMALL) >= 0 && magnitude.compareTo(LARGE) < 0) {
            return normalized.toPlainString();
        }
        if (magnitude.compareTo(LARGE) >= 0 && normalized.scale() <= 0) {
            // Integers beyond 1e21 stay exact and plain: the spec allows, not requires, exponent form there.
            return normalized.toPlainString();
        }
        return exponent(normalized);
    }

    /** JSON exponent form with a lowercase e and an explicit sign, such as 1.5e-7. */
    private static String exponent(BigDecimal value) {
        String digits = value.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - value.scale();
        StringBuilder out = new StringBuilder(value.signum() < 0 ? "-" : "");
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        return out.append('e')
                .append(exponent < 0 ? '-' : '+')
                .append(Math.abs(exponent))
                .toString();
    }

    static String string(String value, char delimiter) {
        return needsQuotes(value, delimiter) ? quoted(value) : value;
    }

    static void appendString(String value, char delimiter, StringBuilder out) {
        if (needsQuotes(value, delimiter)) {
            appendQuoted(value, out);
        } else {
            out.append(value);
        }
    }

    private static boolean needsQuotes(String value, char delimiter) {
        if (value.isEmpty()
                || value.charAt(0) == '-'
                || Character.isWhitespace(value.charAt(0))
                || Character.isWhitespace(value.charAt(value.length() - 1))
                || value.equals("true")
                || value.equals("false")
                || value.equals("null")) {
            return true;
        }
        // Only a string that starts with a digit can look like a number (a leading '-' is quoted above).
        if (value.charAt(0) >= '0'
                && value.charAt(0) <= '9'
                && NUMERIC_LIKE.matcher(value).matches()) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ':'
                    || c == '"'
                    || c == '\\'
                    || c == '['
                    || c == ']'
                    || c == '{'
                    || c == '}'
                    || c < 0x20
                    || c == delimiter) {
                return true;
            }
        }
        return false;
    }

    static String key(String key) {
        return UNQUOTED_KEY.matcher(key).matches() ? key : quoted(key);
    }

    static boolean isIdentifierSegment(String key) {
        return IDENTIFIER_SEGMENT.matcher(key).matches();
    }

    static String quoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2);
        appendQuoted(value, out);
        return out.toString();
    }

    static void appendQuoted(String value, StringBuilder out) {
        out.append('"');
        int plainFrom = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\' && c != '"' && c >= 0x20) {
                continue; // runs of plain characters are copied in one go
            }
            out.append(value, plainFrom, i);
            plainFrom = i + 1;
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format("\\u%04x", (int) c));
            }
        }
        out.append(value, plainFrom, value.length()).append('"');
    }
}
