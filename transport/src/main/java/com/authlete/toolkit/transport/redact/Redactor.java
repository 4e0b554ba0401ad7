package com.authlete.toolkit.transport.redact;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one list of redaction rules, used by {@code --dry-run}, {@code --debug} and any program's hooks alike.
 *
 * <ul>
 *   <li>Headers: {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie}, {@code Set-Cookie},
 *       {@code X-API-Key}, {@code DPoP}, and any header whose name contains token, secret, key or auth.</li>
 *   <li>Fields of JSON bodies, form bodies and query strings, at any depth and inside arrays, whose name is
 *       sensitive by {@link SensitiveNames}; and {@code d}, {@code p}, {@code q}, {@code dp}, {@code dq},
 *       {@code qi} (JWK private key members) whenever their value is a string.</li>
 * </ul>
 * Values become {@value #MASK}. Previews are cut at a bound and say how much was left out.
 */
public final class Redactor {

    public static final String MASK = "[REDACTED]";
    public static final int DEFAULT_PREVIEW_BYTES = 4096;

    private static final Set<String> HEADERS = Set.of(
            "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "dpop");
    private static final Set<String> HEADER_MARKERS = Set.of("token", "secret", "key", "auth");
    private static final Set<String> JWK_PRIVATE = Set.of("d", "p", "q", "dp", "dq", "qi");
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            // A cut-off document must not be completed on close: that would fail and lose the redaction.
            .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
            .build();
    /** For text that is neither JSON nor a form: {@code name=value}, {@code "name": "value"} and the like. */
    private static final Pattern LOOSE = Pattern.compile(
            "(?i)([\"']?[\\w.-]*(?:password|passwd|secret|token|api[_-]?key|credential|private[_-]?key)[\\w.-]*[\"']?\\s*[:=]\\s*)"
                    + "(\"[^\"]*\"?|'[^']*'?|[^\\s&,;}\"']+)");

    private static final Pattern JWK_LOOSE = Pattern.compile("(\"(?:d|p|q|dp|dq|qi)\"\\s*:\\s*)(\"[^\"]*\"?)");

    private Redactor() {
    }

    public static boolean isSensitiveHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (HEADERS.contains(lower)) {
            return true;
        }
        for (String marker : HEADER_MARKERS) {
            if (lower.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    public static String header(String name, String value) {
        return isSensitiveHeader(name) ? MASK : value;
    }

    static boolean isSensitiveField(String name, boolean stringValue) {
        return SensitiveNames.isSensitive(name) || (stringValue && JWK_PRIVATE.contains(name));
    }

    /** A URI with the values of sensitive query parameters masked. */
    public static String uri(URI uri) {
        String text = uri.toString();
        int query = text.indexOf('?');
        return query < 0 ? text : text.substring(0, query + 1) + form(text.substring(query + 1));
    }

    /** A form body or query string with sensitive values masked; values holding JSON are redacted inside. */
    public static String form(String encoded) {
        StringBuilder out = new StringBuilder(encoded.length());
        for (String pair : encoded.split("&", -1)) {
            if (out.length() > 0) {
                out.append('&');
            }
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name = decode(rawName);
            if (equals < 0) {
                out.append(pair);
            } else if (isSensitiveField(name, true)) {
                out.append(rawName).append('=').append(MASK);
            } else {
                String value = decode(pair.substring(equals + 1));
                String trimmed = value.strip();
                if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
                    String redacted = json(value);
                    out.append(rawName).append('=').append(redacted.equals(value) ? pair.substring(equals + 1) : redacted);
                } else {
                    out.append(pair);
                }
            }
        }
        return out.toString();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /**
     * JSON with the values of sensitive fields masked (whole objects and arrays included). Works token by token,
     * so a cut-off document is redacted up to where it ends; text that is not JSON gets the loose rules.
     */
    public static String json(String text) {
        StringWriter out = new StringWriter(text.length());
        try (JsonParser parser = JSON.createParser(text);
             JsonGenerator generator = JSON.createGenerator(out)) {
            String field = null;
            JsonToken token;
            boolean any = false;
            while ((token = nextOrNull(parser)) != null) {
                any = true;
                if (token == JsonToken.FIELD_NAME) {
                    field = parser.currentName();
                    generator.writeFieldName(field);
                    continue;
                }
                if (field != null && isSensitiveField(field, token == JsonToken.VALUE_STRING)) {
                    generator.writeString(MASK);
                    if (!skipValue(parser)) {
                        break;
                    }
                } else {
                    generator.copyCurrentEventExact(parser);
                }
                field = null;
            }
            generator.flush();
            return any ? out.toString() + tail(text, parser) : loose(text);
        } catch (IOException e) {
            return loose(text);
        }
    }

    /** Skips the value the parser is on; false when the text ends inside it (a cut-off preview). */
    private static boolean skipValue(JsonParser parser) {
        try {
            parser.skipChildren();
            return true;
        } catch (IOException cutInside) {
            return false;
        }
    }

    /** Next token, or null at the end or where the text stops being JSON (such as a cut-off preview). */
    private static JsonToken nextOrNull(JsonParser parser) {
        try {
            return parser.nextToken();
        } catch (IOException endOfUsableInput) {
            return null;
        }
    }

    /** Whatever follows the last complete token is not shown: it could be the start of a secret. */
    private static String tail(String text, JsonParser parser) {
        long consumed = parser.currentLocation().getCharOffset();
        return consumed >= 0 && consumed < text.strip().length() ? " ..." : "";
    }

    /** Best effort for text that is neither JSON nor a form. */
    public static String loose(String text) {
        return mask(JWK_LOOSE, mask(LOOSE, text));
    }

    private static String mask(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + MASK));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * A redacted, bounded preview of a body: as JSON or as a form according to the content type (or the look of
     * the text), at most {@code limit} bytes of it, with a note saying how much was left out.
     *
     * @param total the full size of the body when known (it may be larger than {@code body}), else -1
     */
    public static String preview(byte[] body, int length, long total, String contentType, int limit) {
        String text = new String(body, 0, length, StandardCharsets.UTF_8);
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String trimmed = text.strip();
        String redacted;
        if (type.contains("x-www-form-urlencoded")) {
            redacted = form(text);
        } else if (type.contains("json") || trimmed.startsWith("{") || trimmed.startsWith("[")) {
            redacted = json(text);
        } else if (!trimmed.isEmpty() && trimmed.matches("[^\\s{}\\[\\]]+=[^\\s]*")) {
            redacted = form(text);
        } else {
            redacted = loose(text);
        }
        long size = Math.max(total, length);
        byte[] bytes = redacted.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= limit && size <= length) {
            return redacted;
        }
        // A cut may split a multi-byte character; the replacement character it leaves is dropped.
        String shown = new String(bytes, 0, Math.min(limit, bytes.length), StandardCharsets.UTF_8).replaceAll("\uFFFD$", "");
        return shown + " ... [preview cut at " + limit + " bytes; the body has " + (total >= 0 ? total + " bytes" : "more") + "]";
    }

    /** Masks the values of sensitive headers. */
    public static Map<String, List<String>> headers(Map<String, List<String>> headers) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        headers.forEach((name, values) -> out.put(name, isSensitiveHeader(name) ? List.of(MASK) : values));
        return out;
    }
}
