package com.authlete.toolkit.render.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.render.RenderOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TableRendererTest {

    private static final String CLIENTS = "[{\"redirectUris\":\"https://app.example.com/callback/with/a/long/path\","
            + "\"description\":\"x\",\"clientName\":\"Alpha\",\"createdAt\":1764748026000,\"clientId\":11},"
            + "{\"redirectUris\":\"https://b.example.com/cb\",\"description\":\"y\",\"clientName\":\"Beta\",\"createdAt\":1764748086000,\"clientId\":22}]";

    private static String render(String json, RenderOptions options) throws Exception {
        JsonNode value = new ObjectMapper().readTree(json);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TableRenderer(options).render(value, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void identifiersAndNamesComeFirstAndUrlsLast() throws Exception {
        String table = render(CLIENTS, new RenderOptions(false, 0));
        assertThat(table.lines().findFirst().orElseThrow().split("\\s+"))
                .containsExactly("clientId", "clientName", "description", "createdAt", "redirectUris");
        assertThat(table).contains("1764748026000");
    }

    @Test
    void chosenColumnsKeepTheirOrder() throws Exception {
        String table = render(CLIENTS, new RenderOptions(false, 0, false, false, true));
        assertThat(table.lines().findFirst().orElseThrow().split("\\s+"))
                .containsExactly("redirectUris", "description", "clientName", "createdAt", "clientId");
    }

    @Test
    void timestampsReadAsUtcDatesForPeopleOnly() throws Exception {
        String table = render(CLIENTS, new RenderOptions(false, 0, false, true, false));
        assertThat(table)
                .contains("2025-12-03 07:47:06Z", "2025-12-03 07:48:06Z")
                .doesNotContain("1764748026000");
        // Not a time: an id that happens to be as large, or a number under a name that says nothing of time.
        assertThat(render(
                        "[{\"serviceId\":1764748026000,\"count\":1764748026000}]",
                        new RenderOptions(false, 0, false, true, false)))
                .doesNotContain("2025-");
    }
}
