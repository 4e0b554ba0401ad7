package com.authlete.toolkit.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerSelectionTest {

    private static final List<String> SERVERS = List.of(
            "https://us.authlete.com", "https://jp.authlete.com", "https://eu.authlete.com", "https://br.authlete.com");

    @Test
    void explicitUrlWinsOverIndexWhichWinsOverTheDefault() {
        assertThat(ServerSelection.resolve("http://127.0.0.1:4010/", 2, SERVERS))
                .isEqualTo(URI.create("http://127.0.0.1:4010"));
        assertThat(ServerSelection.resolve(null, 1, SERVERS)).isEqualTo(URI.create("https://jp.authlete.com"));
        assertThat(ServerSelection.resolve(null, 3, SERVERS)).isEqualTo(URI.create("https://br.authlete.com"));
        assertThat(ServerSelection.resolve(null, null, SERVERS)).isEqualTo(URI.create("https://us.authlete.com"));
    }

    @Test
    void badIndexesAndUrlsAreRejected() {
        assertThatThrownBy(() -> ServerSelection.resolve(null, 4, SERVERS))
                .hasMessage("server index 4 is out of range 0..3");
        assertThatThrownBy(() -> ServerSelection.resolve(null, -1, SERVERS))
                .hasMessage("server index -1 is out of range 0..3");
        assertThatThrownBy(() -> ServerSelection.resolve("ftp://x", null, SERVERS))
                .hasMessageContaining("absolute http or https");
        assertThatThrownBy(() -> ServerSelection.resolve("localhost:4010", null, SERVERS))
                .hasMessageContaining("absolute http or https");
        assertThatThrownBy(() -> ServerSelection.resolve("http://a b", null, SERVERS))
                .hasMessageContaining("malformed");
    }
}
