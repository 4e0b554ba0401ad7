package com.authlete.toolkit.core.secrets;

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
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 *   <li>Fields of JSON bodies, form bodies and query strings, at any depth and inside arrays, whose name holds a
 *       secret by {@link SensitiveNames} (text masked; numbers, booleans and nulls kept; under an object or
 *       array every text leaf masked, the structure kept); JWK private members whenever their value
 *       is text.</li>
 *   <li>Text values that themselves hold JSON, a form or a URL with a query or fragment (Authlete's
 *       {@code parameters}, {@code jwks}, {@code responseContent}): the same rules inside them, at any depth.</li>
 * </ul>
 * Values become {@value #MASK}; what is not masked keeps its JSON type and exact text. Previews are cut at a
 * bound and say how much was left out.
 */
public final class Redactor {

    public static final String MASK = "[REDACTED]";
    public static final int DEFAULT_PREVIEW_BYTES = 4096;

    private static final Set<String> HEADERS =
            Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "dpop");
    private static final Set<String> HEADER_MARKERS =
            Set.of("token", "secret", "key", "auth", "pass", "credential", "session", "cookie");
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            // A cut-off document must not be completed on close: that would fail and lose the redaction.
            .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
            .build();
    /** For text that is neither JSON nor a form: {@code name=value}, {@code "name": "value"} and the like. */
    private static final Pattern LOOSE = Pattern.compile(
            "(?i)([\"']?[\\w.-]*(?:password|passwd|secret|token|api[_-]?key|credential|private[_-]?key)[\\w.-]*[\"']?\\s*[:=]\\s*)"
                    + "(\"[^\"]*\"?|'[^']*'?|[^\\s&,;}\"']+)");

    /**
     * Codes by their protocol names, only where they are clearly a parameter ({@code code=...}) or a JSON member
     * ({@code "code": "..."}): "error code: 400" in a message is not one.
     */
    private static final Pattern CODE_LOOSE =
            Pattern.compile("(?i)((?:[\"'](?:CODES)[\"']\\s*:\\s*)|(?<![\\w.-])(?:CODES)=)"
                            .replace(
                                    "CODES",
                                    "code|device_code|authorization_code|pre-authorized_code|tx_code|code_verifier")
                    + "(\"[^\"]*\"?|'[^']*'?|[^\\s&,;}\"'<]+)");

    private static final Pattern JWK_LOOSE = Pattern.compile("(\"(?:d|p|q|dp|dq|qi|k)\"\\s*:\\s*)(\"[^\"]*\"?)");
    /** Text that starts as a form: a name, then {@code =}. */
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_.~%\\[\\]-]+=");
    /**
     * An absolute URL with a query or a fragment, of any scheme: a native app's redirect URI is often a private-use
     * scheme without slashes ({@code com.example.app:/cb?code=...}, RFC 8252).
     */
    private static final Pattern URL_WITH_PARAMETERS = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:[^\\s?#]*[?#]");
    /** A JWS in compact form: a JARM response or another token whose payload may carry a code or a token. */
    private static final Pattern COMPACT_JWS =
            Pattern.compile("[A-Za-z0-9_-]{4,}\\.([A-Za-z0-9_-]{4,})\\.[A-Za-z0-9_-]*");
    /** An HTML page (a form_post response): its tags' attribute values are looked at one by one. */
    private static final Pattern HTML = Pattern.compile("(?is).*<(?:input|form|a|meta|script|html|body)\\b.*");

    private static final Pattern TAG = Pattern.compile("<[A-Za-z][^>]*>");
    private static final Pattern ATTRIBUTE =
            Pattern.compile("([A-Za-z_:][-A-Za-z0-9_:.]*)\\s*=\\s*(\"[^\"]*\"|'[^']*')");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private Redactor() {}

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
        return SensitiveNames.isSensitive(name) || (stringValue && SensitiveNames.isJwkPrivateMember(name));
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
                String redacted = embedded(value);
                out.append(rawName).append('=').append(redacted.equals(value) ? pair.substring(equals + 1) : redacted);
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
     * JSON with secrets masked: the text values of sensitive fields (see {@link SensitiveNames}; under an object or
     * array every text leaf, the structure kept), and secrets inside text values that hold JSON, a form or a
     * URL. Everything else keeps its JSON type and exact text. Works token by token, so a cut-off document is
     * redacted up to where it ends; text that is not JSON gets the loose rules.
     */
    public static String json(String text) {
        Result result = redactJson(text);
        return result == null ? loose(text) : result.text();
    }

    /** Redacted JSON, whether the whole text was one JSON value; null when it does not start as JSON. */
    private record Result(String text, boolean complete, boolean changed) {}

    private static Result redactJson(String text) {
        if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
            Result rest = redactJson(text.substring(1));
            return rest == null ? null : new Result(BYTE_ORDER_MARK + rest.text(), rest.complete(), rest.changed());
        }
        Set<Integer> secretPairs = secretPairs(text);
        Deque<Integer> objects = new ArrayDeque<>(); // the ordinal of each open object; -1 for an array
        int nextObject = 0;
        StringWriter out = new StringWriter(text.length());
        try (JsonParser parser = JSON.createParser(text);
                JsonGenerator generator = JSON.createGenerator(out)) {
            String field = null;
            JsonToken token;
            boolean any = false;
            int depth = 0;
            int maskedFrom = -1; // the depth of the container under a sensitive name being masked, if any
            boolean failed = false;
            boolean changed = false;
            while (true) {
                try {
                    token = parser.nextToken();
                } catch (IOException endOfUsableInput) {
                    failed = true; // a cut-off preview, or text that stops being JSON
                    break;
                }
                if (token == null) {
                    break;
                }
                any = true;
                switch (token) {
                    case FIELD_NAME -> {
                        field = parser.currentName();
                        generator.writeFieldName(field);
                        continue;
                    }
                    case START_OBJECT, START_ARRAY -> {
                        if (maskedFrom < 0
                                && field != null
                                && (SensitiveNames.isSensitive(field)
                                        || field.equals("oth")
                                        || inSecretPair(field, objects, secretPairs))) {
                            maskedFrom = depth;
                        }
                        objects.push(token == JsonToken.START_OBJECT ? nextObject++ : -1);
                        generator.copyCurrentEvent(parser);
                        depth++;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        objects.poll();
                        generator.copyCurrentEvent(parser);
                        depth--;
                        if (depth == maskedFrom) {
                            maskedFrom = -1;
                        }
                    }
                    case VALUE_STRING -> {
                        String value;
                        try {
                            value = parser.getText();
                        } catch (IOException cutInsideString) {
                            failed = true;
                            break;
                        }
                        if (maskedFrom >= 0
                                || (field != null
                                        && (SensitiveNames.isSensitive(field)
                                                || SensitiveNames.isJwkPrivateMember(field)
                                                || inSecretPair(field, objects, secretPairs)))) {
                            generator.writeString(MASK);
                            changed = true;
                        } else {
                            String redacted = embedded(value);
                            changed |= !redacted.equals(value);
                            generator.writeString(redacted);
                        }
                    }
                    default -> generator.copyCurrentEventExact(parser);
                }
                if (failed) {
                    break;
                }
                field = null;
            }
            generator.flush();
            if (!any) {
                return null;
            }
            boolean complete = !failed && depth == 0;
            return new Result(out + (complete ? "" : tail(text, parser)), complete, changed);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean inSecretPair(String field, Deque<Integer> objects, Set<Integer> secretPairs) {
        return field.equals("value") && !objects.isEmpty() && secretPairs.contains(objects.peek());
    }

    /**
     * The ordinals, in document order, of the objects that are pairs whose name holds a secret ({@code {"key":
     * "webhook_password", "value": "..."}}); found in a first pass, as the name may come after the value.
     */
    private static Set<Integer> secretPairs(String text) {
        Set<Integer> pairs = new HashSet<>();
        if (!text.contains("\"value\"")) {
            return pairs;
        }
        Deque<Integer> objects = new ArrayDeque<>();
        int nextObject = 0;
        try (JsonParser parser = JSON.createParser(text)) {
            String field = null;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                switch (token) {
                    case FIELD_NAME -> {
                        field = parser.currentName();
                        continue;
                    }
                    case START_OBJECT -> objects.push(nextObject++);
                    case START_ARRAY -> objects.push(-1);
                    case END_OBJECT, END_ARRAY -> objects.poll();
                    case VALUE_STRING -> {
                        if (("key".equals(field) || "name".equals(field))
                                && !objects.isEmpty()
                                && objects.peek() >= 0
                                && SensitiveNames.isSensitive(parser.getText())) {
                            pairs.add(objects.peek());
                        }
                    }
                    default -> {}
                }
                field = null;
            }
        } catch (IOException cutOff) {
            // What was read before the text stopped being JSON is what counts.
        }
        return pairs;
    }

    /**
     * Text as a field may hold it, with the secrets inside masked: a JSON document ({@code jwks},
     * {@code responseContent}), a form ({@code parameters}), or a URL whose query or fragment is a form (the
     * redirect in an authorization response). Other text is returned as it is.
     */
    public static String embedded(String text) {
        if (text.length() < 3) {
            return text;
        }
        if (text.charAt(0) == BYTE_ORDER_MARK) {
            // Text saved by some editors starts with a byte-order mark, which must not hide the JSON behind it.
            String rest = text.substring(1);
            String redacted = embedded(rest);
            return redacted.equals(rest) ? text : BYTE_ORDER_MARK + redacted;
        }
        char first = firstNonBlank(text);
        if (first == '{' || first == '[') {
            Result result = redactJson(text);
            if (result != null && result.complete()) {
                return result.changed() ? result.text() : text;
            }
            return text.contains("=") || text.contains(":") ? loose(text) : text;
        }
        if (first == '<' || (text.indexOf('<') >= 0 && HTML.matcher(text).find())) {
            return html(text);
        }
        if (COMPACT_JWS.matcher(text).matches()) {
            return jwsCarriesSecrets(text) ? MASK : text;
        }
        if (URL_WITH_PARAMETERS.matcher(text).lookingAt()) {
            return url(text);
        }
        if (FORM.matcher(text).lookingAt()) {
            return form(text);
        }
        return text;
    }

    /**
     * Whether a compact JWS carries secrets in its payload, which anyone can read: a JARM response holds the
     * authorization code, for one. Such a JWS is masked whole.
     */
    private static boolean jwsCarriesSecrets(String jws) {
        Matcher matcher = COMPACT_JWS.matcher(jws);
        if (!matcher.matches()) {
            return false;
        }
        String payload;
        try {
            payload = new String(Base64.getUrlDecoder().decode(matcher.group(1)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        if (firstNonBlank(payload) != '{') {
            return false;
        }
        Result result = redactJson(payload);
        return result != null && result.changed();
    }

    /**
     * An HTML page with the secrets in its tags masked: the value of an input whose name holds a secret (a
     * form_post response's {@code <input type="hidden" name="code" value="...">}), and secrets inside any
     * attribute value (a URL's query, a JARM JWS); then the loose rules for scripts and text.
     */
    static String html(String text) {
        Matcher tag = TAG.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (tag.find()) {
            tag.appendReplacement(out, Matcher.quoteReplacement(tag(tag.group())));
        }
        tag.appendTail(out);
        return loose(out.toString());
    }

    private static String tag(String tag) {
        Matcher attribute = ATTRIBUTE.matcher(tag);
        boolean secretInput = false;
        while (attribute.find()) {
            if (attribute.group(1).equalsIgnoreCase("name")) {
                secretInput = isSensitiveField(HtmlText.unescape(unquote(attribute.group(2))), true);
            }
        }
        attribute.reset();
        StringBuilder out = new StringBuilder(tag.length());
        while (attribute.find()) {
            String quoted = attribute.group(2);
            String value = HtmlText.unescape(unquote(quoted));
            String redacted = secretInput && attribute.group(1).equalsIgnoreCase("value") ? MASK : embedded(value);
            if (!redacted.equals(value)) {
                char quote = quoted.charAt(0);
                attribute.appendReplacement(
                        out,
                        Matcher.quoteReplacement(attribute.group(1) + "=" + quote + HtmlText.escape(redacted) + quote));
            }
        }
        attribute.appendTail(out);
        return out.toString();
    }

    private static String unquote(String quoted) {
        return quoted.substring(1, quoted.length() - 1);
    }

    private static char firstNonBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return ' ';
    }

    /** A URL with its query and fragment redacted as forms. */
    static String url(String text) {
        int query = text.indexOf('?');
        int fragment = text.indexOf('#');
        if (query >= 0 && (fragment < 0 || query < fragment)) {
            int end = fragment < 0 ? text.length() : fragment;
            String rest = fragment < 0 ? "" : "#" + form(text.substring(fragment + 1));
            return text.substring(0, query + 1) + form(text.substring(query + 1, end)) + rest;
        }
        return fragment < 0 ? text : text.substring(0, fragment + 1) + form(text.substring(fragment + 1));
    }

    /** Whatever follows the last complete token is not shown: it could be the start of a secret. */
    private static String tail(String text, JsonParser parser) {
        long consumed = parser.currentLocation().getCharOffset();
        return consumed >= 0 && consumed < text.strip().length() ? " ..." : "";
    }

    /** Best effort for text that is neither JSON nor a form. */
    public static String loose(String text) {
        return mask(JWK_LOOSE, mask(CODE_LOOSE, mask(LOOSE, text)));
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
        String trimmed = (text.startsWith("\uFEFF") ? text.substring(1) : text).strip();
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
        String shown =
                new String(bytes, 0, Math.min(limit, bytes.length), StandardCharsets.UTF_8).replaceAll("\uFFFD$", "");
        return shown + " ... [preview cut at " + limit + " bytes; the body has "
                + (total >= 0 ? total + " bytes" : "more") + "]";
    }

    /**
     * The text with every occurrence of a secret known by value (the request's own token) masked, whatever field or
     * header a server put it in and however it spelled it: as is, with JSON escapes ({@code \\/}, {@code \\u0074})
     * or percent-encoded, character by character. Values shorter than 8 characters are left alone: too short to be
     * a token, and masking them would garble ordinary text.
     */
    public static String without(String knownSecret, String text) {
        if (knownSecret == null || knownSecret.length() < 8 || text == null) {
            return text;
        }
        return everySpelling(knownSecret).matcher(text).replaceAll(MASK);
    }

    /** {@link #without(String, String)} for each of several secrets (the values a request sent). */
    public static String without(Collection<String> knownSecrets, String text) {
        String out = text;
        for (String secret : knownSecrets) {
            out = without(secret, out);
        }
        return out;
    }

    private static Pattern everySpelling(String secret) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < secret.length(); i++) {
            char c = secret.charAt(i);
            regex.append("(?:").append(Pattern.quote(String.valueOf(c)));
            regex.append(String.format("|(?i:\\\\u%04x)", (int) c));
            if (c == '/' || c == '"' || c == '\\') {
                regex.append("|\\\\").append(Pattern.quote(String.valueOf(c)));
            }
            if (!Character.isSurrogate(c)) {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    regex.append(String.format("|(?i:%%%02x)", b & 0xff));
                }
            }
            if (c == ' ') {
                regex.append("|\\+");
            }
            regex.append(')');
        }
        return Pattern.compile(regex.toString());
    }

    /** Masks the values of sensitive headers. */
    public static Map<String, List<String>> headers(Map<String, List<String>> headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach((name, values) -> out.put(name, isSensitiveHeader(name) ? List.of(MASK) : values));
        return out;
    }
}
