package com.authlete.toolkit.credentials.oauth;

import com.authlete.toolkit.transport.FormFields;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A one-shot redirect listener on 127.0.0.1 with an ephemeral port (RFC 8252 section 7.3): it takes the first
 * request to its path that carries a {@code code} or an {@code error}, answers the browser with a short page, and
 * stops. Nothing listens on other interfaces.
 */
final class LoopbackReceiver implements AutoCloseable {

    static final String PATH = "/callback";

    private final HttpServer server;
    private final CompletableFuture<Map<String, String>> answer = new CompletableFuture<>();
    private final Function<Map<String, String>, String> problem;

    /**
     * @param problem what is wrong with an answer (its state or issuer), or null when nothing is: the page shown in
     *                the browser must not say the login completed when the terminal is about to refuse it
     */
    LoopbackReceiver(Function<Map<String, String>, String> problem) throws IOException {
        this.problem = problem;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PATH, this::handle);
        server.start();
    }

    String redirectUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** The query parameters of the redirect, or empty when none came in time. */
    Optional<Map<String, String>> await(Duration timeout) throws InterruptedException {
        try {
            return Optional.of(answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> query = FormFields.parse(exchange.getRequestURI().getRawQuery());
        boolean useful = query.containsKey("code") || query.containsKey("error");
        String page;
        int status;
        if (!useful || answer.isDone()) {
            status = 400;
            page = "This address only takes the answer of a login started by the authlete command.";
        } else {
            String wrong = query.containsKey("error") ? null : problem.apply(query);
            status = wrong == null ? 200 : 400;
            page = query.containsKey("error")
                    ? "The login did not complete: " + escape(query.get("error"))
                            + ". Return to the terminal for details."
                    : wrong != null
                            ? "The login failed: " + escape(wrong) + ". Nothing was stored; return to the terminal."
                            : "Login complete. You can close this window and return to the terminal.";
        }
        byte[] body = ("<!doctype html><meta charset=utf-8><title>authlete</title><p>" + page + "</p>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        if (useful) {
            answer.complete(query);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
