package com.authlete.toolkit.cli.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
