package com.authlete.toolkit.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the external peers that some tests need, each through one setting; a test whose peer is missing is
 * skipped with a message naming the setting. {@code .ci/run} sets them all and fails on any skip.
 */
public final class Peers {

    /** Env variable: the Authlete OpenAPI description; {@code commands.tsv} is expected beside it. */
    public static final String OPENAPI = "AUTHLETE_OPENAPI";
    /** Env variable: the Prism executable ({@code @stoplight/prism-cli} 5.14.2). */
    public static final String PRISM = "AUTHLETE_PRISM";

    /** Env variable: the MCP test client script (.ci/peers/mcp-client.mjs; npm @modelcontextprotocol/sdk 1.32.2 beside it, node on PATH). */
    public static final String MCP_CLIENT = "AUTHLETE_MCP_CLIENT";

    /** Env variable: the MCP Inspector's executable ({@code @modelcontextprotocol/inspector} 0.21.2, CLI mode). */
    public static final String MCP_INSPECTOR = "AUTHLETE_MCP_INSPECTOR";

    /** Env variable: the HTTPS peer of the TLS tests (.ci/peers/tls-peer.mjs, run by node on PATH). */
    public static final String TLS_PEER = "AUTHLETE_TLS_PEER";

    /** Env variable: a release archive made by scripts/build-dist, with its .sha256 beside it. */
    public static final String DIST_ARCHIVE = "AUTHLETE_DIST_ARCHIVE";

    /** Env variable: a Ruby interpreter (Debian {@code ruby}), which evaluates the generated Homebrew formula. */
    public static final String RUBY = "AUTHLETE_RUBY";

    private Peers() {}

    public static Path openApi() {
        return existingFile(OPENAPI, "the Authlete OpenAPI description (../shared/authlete/openapi.yaml)");
    }

    public static Path commandsTable() {
        Path table = openApi().resolveSibling("commands.tsv");
        assumeTrue(Files.isRegularFile(table), "skipped: no commands.tsv beside " + OPENAPI + " (" + table + ")");
        return table;
    }

    public static Path prism() {
        return existingFile(PRISM, "the Prism mock server executable (npm @stoplight/prism-cli 5.14.2)");
    }

    public static Path mcpClient() {
        return existingFile(
                MCP_CLIENT,
                "the MCP test client script (.ci/peers/mcp-client.mjs, with npm @modelcontextprotocol/sdk 1.32.2 installed beside it)");
    }

    public static Path mcpInspector() {
        return existingFile(
                MCP_INSPECTOR, "the MCP Inspector (npm @modelcontextprotocol/inspector 0.21.2, bin mcp-inspector)");
    }

    public static Path tlsPeer() {
        return existingFile(TLS_PEER, "the HTTPS test peer (.ci/peers/tls-peer.mjs; node on PATH)");
    }

    public static Path distArchive() {
        return existingFile(
                DIST_ARCHIVE, "a release archive made by scripts/build-dist (dist/authlete-VERSION-linux-x64.tar.gz)");
    }

    public static Path ruby() {
        return existingFile(RUBY, "a Ruby interpreter (Debian ruby), to evaluate the generated Homebrew formula");
    }

    private static Path existingFile(String variable, String what) {
        String value = System.getenv(variable);
        assumeTrue(value != null && !value.isBlank(), "skipped: set " + variable + " to " + what);
        Path path = Path.of(value).toAbsolutePath().normalize();
        assumeTrue(Files.isRegularFile(path), "skipped: " + variable + " points to a missing file: " + path);
        return path;
    }
}
