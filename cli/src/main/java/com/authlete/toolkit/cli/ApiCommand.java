package com.authlete.toolkit.cli;

import com.authlete.toolkit.core.json.JsonTrees;
import com.authlete.toolkit.transport.FormFields;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.rvesse.airline.HelpOption;
import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.annotations.Arguments;
import com.github.rvesse.airline.annotations.Command;
import com.github.rvesse.airline.annotations.Option;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code authlete api METHOD PATH}: any endpoint of the API, with the credentials, server choice, body inputs,
 * output formats, {@code --jq}, redaction, retries and exit codes of the catalog commands.
 */
@Command(name = "api", description = "Call any API endpoint: authlete api GET /api/service/get/list; a body from --body or stdin")
public final class ApiCommand {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    @AirlineModule
    GlobalOptions global = new GlobalOptions();

    @AirlineModule
    HelpOption<ApiCommand> help = new HelpOption<>();

    @Arguments(title = {"method", "path"}, description = "HTTP method and the path with any query, such as /api/1/client/get/list?start=0&end=5")
    List<String> arguments;

    @Option(name = "--paginate", description = "For GET requests of list endpoints: fetch every page (same as --all).")
    boolean paginate;

    GlobalOptions global() {
        if (paginate) {
            global.all = true;
        }
        return global;
    }

    String method() throws CliException {
        if (arguments == null || arguments.size() != 2) {
            throw CliException.usage("give the HTTP method and the path: authlete api GET /api/service/get/list");
        }
        String method = arguments.get(0).toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw CliException.usage("unknown HTTP method '" + arguments.get(0) + "' (GET, POST, PUT, PATCH or DELETE)");
        }
        return method;
    }

    String path() throws CliException {
        String path = arguments.get(1);
        if (!path.startsWith("/") || path.startsWith("//") || path.contains("://")) {
            throw CliException.usage("the path must start with / and stay on the API server, such as /api/service/get/list; got '" + path + "'");
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
        } catch (java.io.IOException e) {
            throw CliException.usage("cannot read the request body: " + e.getMessage());
        }
    }

    boolean helpRequested() {
        return help.help;
    }
}
