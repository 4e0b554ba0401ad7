package com.authlete.toolkit.cli;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person at oidc-provider's own pages, over plain HTTP with a cookie jar: enters a device code, signs in,
 * consents (or cancels), following redirects as a browser would, including the final one to the CLI's loopback
 * listener.
 */
final class ProviderUser {

    private static final Pattern HIDDEN = Pattern.compile("name=\"([^\"]+)\" value=\"([^\"]*)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** Enters the user code on the verification page, then signs in and consents; returns the last page. */
    String approveDevice(URI verificationUri, String userCode) throws Exception {
        return interact(enterCode(verificationUri, userCode), false);
    }

    /** Enters the code and signs in, then cancels at the consent step. */
    String denyDevice(URI verificationUri, String userCode) throws Exception {
        return interact(enterCode(verificationUri, userCode), true);
    }

    /** Opens the verification page with the code filled in and submits its form, as its script would. */
    private HttpResponse<String> enterCode(URI verificationUri, String userCode) throws Exception {
        HttpResponse<String> page =
                get(URI.create(verificationUri + "?user_code=" + URLEncoder.encode(userCode, StandardCharsets.UTF_8)));
        Map<String, String> form = hidden(page.body());
        form.put("user_code", userCode);
        form.put("confirm", "yes");
        return post(verificationUri, form);
    }

    /** Opens the authorization URL as a browser would, signs in and consents; the last redirect goes to the CLI. */
    String authorize(URI authorizationUrl) throws Exception {
        return interact(get(authorizationUrl), false);
    }

    private String interact(HttpResponse<String> response, boolean cancelAtConsent) throws Exception {
        for (int step = 0; step < 20; step++) {
            if (response.statusCode() / 100 != 3) {
                return response.body();
            }
            URI next = response.uri()
                    .resolve(response.headers().firstValue("Location").orElseThrow());
            if (next.getPath().startsWith("/interaction/")) {
                HttpResponse<String> page = get(next);
                String prompt = hidden(page.body()).getOrDefault("prompt", "consent");
                if (prompt.equals("login")) {
                    response = post(next, Map.of("prompt", "login", "login", "alice", "password", "any"));
                } else if (cancelAtConsent) {
                    response = get(URI.create(next + "/abort"));
                } else {
                    response = post(next, Map.of("prompt", "consent"));
                }
            } else {
                response = get(next);
            }
        }
        throw new IllegalStateException("too many redirects");
    }

    private static Map<String, String> hidden(String html) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher matcher = HIDDEN.matcher(html);
        while (matcher.find()) {
            values.putIfAbsent(matcher.group(1), matcher.group(2));
        }
        return values;
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(URI uri, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
