package com.authlete.toolkit.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What no single command's help holds: the environment variables, the exit statuses and the files, shown by
 * {@code authlete help environment} (and {@code exit-codes}, {@code files}) and written into the main man page.
 */
public final class HelpTopics {

    private HelpTopics() {}

    /** Every environment variable the toolkit reads, and what it does. */
    public static Map<String, String> environment() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(
                "AUTHLETE_BEARER",
                "the API token (service or organization token); beats the keychain and the config file");
        variables.put("AUTHLETE_PROFILE", "the profile to use (as --profile)");
        variables.put("AUTHLETE_SERVER", "the cluster: us, jp, eu, br or its index (as --server)");
        variables.put("AUTHLETE_SERVER_URL", "the API's base URL (as --server-url)");
        variables.put("AUTHLETE_SERVICE_ID", "the default service id (as --service-id)");
        variables.put("AUTHLETE_OUTPUT_FORMAT", "pretty, json, yaml, table or toon (as -F)");
        variables.put("AUTHLETE_COLOR", "auto, always or never (as --color)");
        variables.put("AUTHLETE_KEYCHAIN", "system (the default) or none: whether tokens go to the OS keychain");
        variables.put("AUTHLETE_CLIENT_SECRET", "the client secret of an OAuth client-credentials login");
        variables.put("AUTHLETE_PAGER", "the pager for long help (else PAGER, else less -FRX; cat for none)");
        variables.put(
                "AUTHLETE_TLS",
                "auto (the default: native TLS and signature checks when the library loads) or jdk (the JDK's for both)");
        variables.put("NO_COLOR", "any value turns colour off");
        variables.put("HTTPS_PROXY, HTTP_PROXY, NO_PROXY", "proxies (this machine is always reached directly)");
        variables.put("SSL_CERT_FILE", "a PEM file of CA certificates to trust besides the JDK's (as --ca-cert)");
        variables.put("XDG_CONFIG_HOME", "where the config file lives (default ~/.config)");
        variables.put("XDG_CACHE_HOME", "where the launcher keeps its start-up archives (default ~/.cache)");
        variables.put("XDG_RUNTIME_DIR", "where lock files of config and link files live (else a private temp folder)");
        variables.put("AUTHLETE_CACHE", "off: no start-up archive; sync: record it in the foreground (launcher)");
        variables.put("AUTHLETE_JAVA_OPTS", "extra JVM options (launcher)");
        variables.put("AUTHLETE_JAR, JAVA_HOME", "the jar and the JDK the checkout's launcher runs");
        return variables;
    }

    /** The files the toolkit reads and writes. */
    public static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(
                "~/.config/authlete/config.yaml",
                "profiles (server, service id; a token only where there is no keychain), mode 0600");
        files.put(
                ".authlete.yaml",
                "a link file (authlete link): the service id, and maybe the profile, of a directory tree");
        files.put(
                "OS keychain, service authlete-cli",
                "tokens, one entry per profile (secret-tool lookup service authlete-cli account NAME)");
        files.put("~/.cache/authlete/", "start-up archives the launcher records (safe to delete)");
        return files;
    }

    /** A topic as text, or null when there is no such topic. */
    public static String text(String topic) {
        StringBuilder out = new StringBuilder();
        switch (topic) {
            case "environment" -> {
                out.append("Environment variables (flags beat them; they beat link files and profiles):\n\n");
                environment().forEach((name, meaning) -> out.append(String.format("  %-36s %s%n", name, meaning)));
            }
            case "exit-codes" -> {
                out.append("Exit statuses:\n\n");
                for (ExitCode code : ExitCode.values()) {
                    out.append(String.format("  %-3d %s%n", code.status(), code.meaning()));
                }
            }
            case "files" -> {
                out.append("Files:\n\n");
                files().forEach((name, meaning) -> out.append(String.format("  %-36s %s%n", name, meaning)));
            }
            default -> {
                return null;
            }
        }
        return out.toString();
    }
}
