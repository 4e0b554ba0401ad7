package com.authlete.toolkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.core.request.InvalidInputException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperationsTest {

    @Test
    void callsBuildTheRequestAndHandItToTheSender() throws Exception {
        Operations<String, RuntimeException> api = new Operations<>(Catalog.standard(),
                (method, target, headers, body) -> method + " " + target + " " + headers.get("Content-Type") + " "
                        + new String(body, StandardCharsets.UTF_8));

        String sent = api.call("client_create_api", Map.of("serviceId", 42),
                new ObjectMapper().readTree("{\"clientName\":\"x\"}"));

        assertThat(sent).isEqualTo("POST /api/42/client/create application/json; charset=utf-8 {\"clientName\":\"x\"}");
        assertThat(api.prepare("service list", Map.of("start", 0, "end", 5), null).target())
                .isEqualTo("/api/service/get/list?start=0&end=5");
    }

    @Test
    void unknownOperationsAreInvalidInput() {
        Operations<String, RuntimeException> api = new Operations<>(Catalog.standard(), (m, t, h, b) -> "");
        assertThatThrownBy(() -> api.call("service frob", Map.of(), null))
                .isInstanceOf(InvalidInputException.class).hasMessage("no operation 'service frob' in the catalog");
    }
}
