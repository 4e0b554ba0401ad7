package com.authlete.toolkit.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The hidden {@code authlete __train} command: exercises the common paths (help, parsing, one GET through the
 * transport against an in-process loopback server, rendering) so that the launcher can record a class-data
 * archive or AOT cache from it. Self-contained: no network, no credentials, output discarded.
 */
final class Training {

    static final String COMMAND = "__train";
    private static final byte[] BODY = "{\"start\":0,\"end\":1,\"totalCount\":1,\"services\":[{\"apiKey\":1,\"serviceName\":\"s\",\"ratio\":1.10}]}"
            .getBytes(StandardCharsets.UTF_8);

    private Training() {
    }

    static int run(Map<String, String> environment) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            }
        });
        server.start();
        java.nio.file.Path config = java.nio.file.Files.createTempDirectory("authlete-training");
        try {
            PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            java.util.Map<String, String> env = new java.util.HashMap<>(environment);
            env.put("AUTHLETE_BEARER", "training");
            env.put("AUTHLETE_KEYCHAIN", "none");
            env.put("XDG_CONFIG_HOME", config.toString());
            // Most users have a config file: reading one (YAML) belongs to the common path.
            java.nio.file.Files.createDirectories(config.resolve("authlete"));
            java.nio.file.Files.writeString(config.resolve("authlete").resolve("config.yaml"),
                    "default-profile: training\nprofiles:\n  training:\n    service-id: \"1\"\n");
            Terminal terminal = new Terminal(true, false, false);
            String[][] runs = {
                    {"--help"},
                    {"client", "create", "--help"},
                    {"service", "list", "--server-url", url},
                    {"service", "list", "--server-url", url, "-F", "pretty"},
                    {"client", "create", "--service-id", "1", "--client-name", "x", "--server-url", url, "--dry-run"},
            };
            for (String[] args : runs) {
                new Cli(env, terminal, new ByteArrayInputStream(new byte[0]), sink, sink).run(args);
            }
            return 0;
        } finally {
            server.stop(0);
            try (var files = java.nio.file.Files.walk(config)) {
                for (java.nio.file.Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.deleteIfExists(file);
                }
            }
        }
    }
}
