package com.authlete.toolkit.cli.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BrowserOpenerTest {

    @Test
    void onlyWebAddressesReachTheOpener() {
        for (String url : new String[] {
            "https://login.example.com/authorize?client_id=x",
            "http://127.0.0.1:8080/authorize",
            "http://localhost/authorize"
        }) {
            assertThat(BrowserOpener.safeToOpen(URI.create(url))).as(url).isTrue();
        }
        for (String url : new String[] {
            "file:///etc/passwd",
            "javascript:alert(1)",
            "http://login.example.com/authorize",
            "ssh://host/x",
            "-help",
            "vscode://open?x",
            "smb://host/share"
        }) {
            assertThat(BrowserOpener.safeToOpen(URI.create(url))).as(url).isFalse();
            assertThat(BrowserOpener.open(URI.create(url), Map.of("DISPLAY", ":0")))
                    .as(url)
                    .isFalse();
        }
    }

    @Test
    void theOpenerGetsNoCredentials() {
        Map<String, String> environment = new HashMap<>(Map.of(
                "AUTHLETE_BEARER",
                "t",
                "AUTHLETE_CLIENT_SECRET",
                "s",
                "AUTHLETE_PROFILE",
                "p",
                "PATH",
                "/usr/bin",
                "DISPLAY",
                ":0"));
        BrowserOpener.withoutCredentials(environment);
        assertThat(environment).containsOnlyKeys("PATH", "DISPLAY");
    }

    @Test
    @Timeout(60)
    void anOpenerThatNeverReturnsDoesNotHoldTheLogin() throws Exception {
        // A stand-in for an opener that stays with the browser it started: the login goes on without it.
        assertThat(BrowserOpener.run(List.of("sleep", "20"), Duration.ofMillis(200)))
                .as("still running: taken as opened")
                .isTrue();
        assertThat(BrowserOpener.run(List.of("false"), Duration.ofSeconds(30))).isFalse();
        assertThat(BrowserOpener.run(List.of("true"), Duration.ofSeconds(30))).isTrue();
        assertThat(BrowserOpener.run(List.of("cat"), Duration.ofSeconds(30)))
                .as("an opener that reads its input gets end of input")
                .isTrue();
        assertThat(BrowserOpener.run(List.of("/no/such/opener"), Duration.ofSeconds(30)))
                .isFalse();
    }
}
