package com.authlete.toolkit.cli;

import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.annotations.Option;
import java.util.HashMap;
import java.util.Map;

/**
 * Flags every operation command accepts. Their names are in the catalog's reserved flags, so no body field
 * can shadow them (a test checks that).
 */
public final class GlobalOptions {

    @Option(
            name = "--bearer",
            title = "token",
            description = "API token (service or organization access token). Default: $AUTHLETE_BEARER. "
                    + "Prefer the environment variable: command-line arguments are visible to other local users.")
    String bearer;

    @Option(
            name = "--profile",
            title = "name",
            description =
                    "Profile of the config file to use (default: $AUTHLETE_PROFILE, the link file, the default profile).")
    String profile;

    @Option(
            name = "--server",
            title = "us|jp|eu|br",
            description = "Authlete cluster, by name or index: us or 0 (default), jp or 1, eu or 2, br or 3.")
    String server;

    @Option(
            name = "--server-url",
            title = "url",
            description =
                    "Base URL of the API, such as http://127.0.0.1:4010; wins over --server given at the same level.")
    String serverUrl;

    @Option(
            name = "--body",
            title = "json|@file",
            description = "Request body as JSON text, or @path to read it from a file (@- for standard input).")
    String body;

    @Option(
            name = {"--output-format", "-F"},
            title = "pretty|json|yaml|table|toon",
            description =
                    "Output format. Default: pretty on a terminal, json (the response exactly as received) otherwise.")
    String outputFormat;

    @Option(
            name = "--color",
            title = "auto|always|never",
            description =
                    "Colour in pretty and table output. auto (default): only on a terminal, off when NO_COLOR is set, "
                            + "on when FORCE_COLOR is set.")
    String color;

    @Option(
            name = "--jq",
            title = "program",
            description =
                    "Filter the response with a jq program; prints each result as one line of JSON (overrides --output-format).")
    String jq;

    @Option(
            name = {"--raw", "-r"},
            description = "With --jq: print string results as plain text, without quotes (as jq -r and gh's --jq do).")
    boolean raw;

    @Option(
            name = "--fields",
            title = "a,b,c",
            description = "Keep only these top-level fields (of each item, for list responses).")
    String fields;

    @Option(
            name = {"--output-file", "-o"},
            title = "file",
            description =
                    "Write the output to this file instead of standard output; replaced atomically, mode 0600 when "
                            + "the response holds secrets.")
    String outputFile;

    @Option(
            name = "--all",
            description =
                    "For paginated lists: fetch every page and stream the items as they arrive (json: one object per line).")
    boolean all;

    @Option(name = "--page-size", title = "n", description = "Items per request with --all (default 100).")
    String pageSize;

    @Option(
            name = "--dry-run",
            description = "Show the request on standard error (credentials redacted) and exit without sending it.")
    boolean dryRun;

    @Option(
            name = "--merge",
            description =
                    "For update commands that replace a whole object: read it first and change only the fields given. This is "
                            + "the default (the read needs the token's read permission); the flag stays for scripts that give it.")
    boolean merge;

    @Option(
            name = "--replace",
            description =
                    "For update commands that replace a whole object: send exactly the body given, without reading the object "
                            + "first; the API resets every field left out to its default.")
    boolean replace;

    @Option(name = "--yes", description = "Do not ask before delete and revoke commands.")
    boolean yes;

    /** The flags of every exchange with a server, shared with the built-in commands that talk to one. */
    @AirlineModule
    public NetworkOptions network = new NetworkOptions();

    /** The settings given as flags, for the settings chain (flags > environment > link file > profile). */
    Map<String, String> settingsFlags() {
        Map<String, String> flags = new HashMap<>();
        flags.put("profile", profile);
        flags.put("server", server);
        flags.put("server-url", serverUrl);
        flags.put("output-format", outputFormat);
        flags.put("color", color);
        return flags;
    }

    public boolean debug() {
        return network.debug;
    }
}
