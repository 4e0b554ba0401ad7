package com.authlete.toolkit.cli;

import com.authlete.toolkit.json.JsonTrees;
import com.authlete.toolkit.transport.FormFields;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.rvesse.airline.HelpOption;
import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.annotations.Arguments;
import com.github.rvesse.airline.annotations.Command;
import com.github.rvesse.airline.annotations.Option;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code authlete api METHOD PATH}: any endpoint of the API, with the credentials, server choice, body inputs,
 * output formats, {@code --jq}, redaction, retries and exit codes of the catalog commands.
 */
@Command(
        name = "api",
        description = "Call any API endpoint: authlete api GET /api/service/get/list; a body from --body or stdin")
public final class ApiCommand {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    @AirlineModule
    GlobalOptions global = new GlobalOptions();

    @AirlineModule
    HelpOption<ApiCommand> help = new HelpOption<>();

    @Arguments(
            title = {"method", "path"},
            description = "HTTP method (default GET, or POST with body fields) and the path with any query, "
                    + "such as /api/1/client/get/list?start=0&end=5")
    List<String> arguments;

    @Option(
            name = {"-H", "--header"},
            title = "name: value",
            description =
                    "Add a request header (repeatable). Authorization is refused: the token comes from --bearer, the environment or the keychain.")
    List<String> headers;

    // Not -F as in gh: -F is the output format in every command here.
    @Option(
            name = {"-f", "--raw-field"},
            title = "key=value",
            description = "Add a string field to a JSON body (repeatable); the method becomes POST unless given.")
    List<String> rawFields;

    @Option(
            name = "--field",
            title = "key=value",
            description =
                    "Add a typed field (repeatable): true, false, null and numbers become JSON values, @file reads a file's text, "
                            + "@- standard input. gh calls this -F; here -F is the output format.")
    List<String> typedFields;

    @Option(name = "--paginate", description = "For GET requests of list endpoints: fetch every page (same as --all).")
    boolean paginate;

    GlobalOptions global() {
        if (paginate) {
            global.all = true;
        }
        return global;
    }

    String method() throws CliException {
        if (arguments != null && arguments.size() == 1 && arguments.get(0).startsWith("/")) {
            return hasFields() ? "POST" : "GET";
        }
        if (arguments == null || arguments.size() != 2) {
            throw CliException.usage(
                    "give the path, and the HTTP method if not GET: authlete api /api/service/get/list");
        }
        String method = arguments.get(0).toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw CliException.usage(
                    "unknown HTTP method '" + arguments.get(0) + "' (GET, POST, PUT, PATCH or DELETE)");
        }
        return method;
    }

    String path() throws CliException {
        String path = arguments.get(arguments.size() - 1);
        if (!path.startsWith("/") || path.startsWith("//") || path.contains("://")) {
            throw CliException.usage(
                    "the path must start with / and stay on the API server, such as /api/service/get/list; got '" + path
                            + "'");
        }
        return path;
    }

    /** The query parameters of a path, decoded. */
    static Map<String, String> query(String path) {
        int question = path.indexOf('?');
        return question < 0 ? Map.of() : FormFields.parse(path.substring(question + 1));
    }

    /** A body is sent as given, but only when it is JSON: a typo should fail here, not at the server. */
    static void checkJson(String body) throws CliException {
        try (var parser = JsonTrees.JSON.createParser(body)) {
            JsonTrees.read(parser);
            if (parser.nextToken() != null) {
                throw CliException.usage("the request body has text after its JSON value");
            }
        } catch (JsonProcessingException e) {
            throw CliException.usage("the request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw CliException.usage("cannot read the request body: " + e.getMessage());
        }
    }

    boolean hasFields() {
        return rawFields != null || typedFields != null;
    }

    /** The -H headers, checked: "Name: value", no Authorization, no line breaks. */
    Map<String, String> extraHeaders() throws CliException {
        Map<String, String> extra = new LinkedHashMap<>();
        for (String header : headers == null ? List.<String>of() : headers) {
            int colon = header.indexOf(':');
            String name = colon < 0 ? "" : header.substring(0, colon).strip();
            if (name.isEmpty()
                    || !name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")
                    || header.contains("\r")
                    || header.contains("\n")) {
                throw CliException.usage("-H expects 'Name: value', got '" + header + "'");
            }
            if (name.equalsIgnoreCase("Authorization")) {
                throw CliException.usage(
                        "-H Authorization is refused: give the token with --bearer, AUTHLETE_BEARER or 'authlete auth login'");
            }
            extra.put(name, header.substring(colon + 1).strip());
        }
        return extra;
    }

    /**
     * The -f and --field values set on {@code body} (a JSON object, or null for none), field by field: the flags
     * win over --body and standard input, as in the catalog commands.
     */
    String withFields(String body, InputStream stdin) throws CliException {
        if (!hasFields()) {
            return body;
        }
        ObjectNode object;
        try {
            JsonNode parsed =
                    body == null || body.isBlank() ? null : JsonTrees.parse(body.getBytes(StandardCharsets.UTF_8));
            if (parsed != null && !parsed.isObject()) {
                throw CliException.usage("-f and --field add fields to a JSON object; the body is not one");
            }
            object = parsed == null ? JsonNodeFactory.instance.objectNode() : (ObjectNode) parsed;
        } catch (IOException e) {
            throw CliException.usage("the request body is not valid JSON: " + e.getMessage());
        }
        for (String field : rawFields == null ? List.<String>of() : rawFields) {
            object.put(key(field, "-f"), field.substring(field.indexOf('=') + 1));
        }
        for (String field : typedFields == null ? List.<String>of() : typedFields) {
            String value = field.substring(field.indexOf('=') + 1);
            String key = key(field, "--field");
            if (value.startsWith("@")) {
                object.put(key, BodyInput.flag(value, stdin));
            } else if (value.equals("true") || value.equals("false")) {
                object.put(key, Boolean.parseBoolean(value));
            } else if (value.equals("null")) {
                object.putNull(key);
            } else if (value.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
                object.put(key, new BigDecimal(value));
            } else {
                object.put(key, value);
            }
        }
        return object.toString();
    }

    private static String key(String field, String flag) throws CliException {
        int equals = field.indexOf('=');
        if (equals <= 0) {
            throw CliException.usage(flag + " expects key=value, got '" + field + "'");
        }
        return field.substring(0, equals);
    }

    boolean helpRequested() {
        return help.help;
    }
}
