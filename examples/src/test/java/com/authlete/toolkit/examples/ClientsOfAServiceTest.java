package com.authlete.toolkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.core.ErrorCategory;
import com.authlete.toolkit.core.client.AuthleteClient;
import com.authlete.toolkit.core.testing.StubServer;
import com.authlete.toolkit.core.testing.StubServer.Reply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The client facade end to end against a stub API: a call by words, a streamed list of 250 items in three pages. */
class ClientsOfAServiceTest {

    private static final Pattern RANGE = Pattern.compile("start=(\\d+)&end=(\\d+)");

    @Test
    void callsByWordsAndStreamsEveryPage() throws Exception {
        try (StubServer stub = new StubServer().handler(request -> {
            if (request.target().startsWith("/api/715948317/service/get")) {
                return Reply.json(200, "{\"apiKey\":715948317,\"serviceName\":\"Prod\"}");
            }
            Matcher m = RANGE.matcher(request.target());
            m.find();
            int start = Integer.parseInt(m.group(1));
            int end = Math.min(Integer.parseInt(m.group(2)), 250);
            StringBuilder page =
                    new StringBuilder("{\"start\":" + start + ",\"end\":" + end + ",\"totalCount\":250,\"clients\":[");
            for (int i = start; i < end; i++) {
                page.append(i > start ? "," : "")
                        .append("{\"clientId\":")
                        .append(i)
                        .append(",\"clientName\":\"c")
                        .append(i)
                        .append("\"}");
            }
            return Reply.json(200, page.append("]}").toString());
        })) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long clients = ClientsOfAService.run(
                    URI.create(stub.url()),
                    "lib-token",
                    "715948317",
                    Map.of(),
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(clients).isEqualTo(250);
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .startsWith("Prod\n0\tc0\n1\tc1\n")
                    .endsWith("249\tc249\n");
            assertThat(stub.requests())
                    .extracting(StubServer.Recorded::target)
                    .containsExactly(
                            "/api/715948317/service/get",
                            "/api/715948317/client/get/list?start=0&end=100",
                            "/api/715948317/client/get/list?start=100&end=200",
                            "/api/715948317/client/get/list?start=200&end=300");
            assertThat(stub.lastRequest().header("Authorization")).isEqualTo("Bearer lib-token");
        }
    }

    @Test
    void errorsHaveACategoryAndNameParametersByTheirApiNames() throws Exception {
        try (StubServer stub = new StubServer()
                        .handler(request -> Reply.json(
                                404, "{\"resultCode\":\"A001202\",\"resultMessage\":\"[A001202] No such client.\"}"));
                AuthleteClient authlete = AuthleteClient.builder()
                        .baseUrl(URI.create(stub.url()))
                        .token("t")
                        .build()) {
            assertThatThrownBy(() -> authlete.call("client_get_api", Map.of("serviceId", "1", "clientId", "2")))
                    .isInstanceOfSatisfying(AuthleteException.class, e -> {
                        assertThat(e.category()).isEqualTo(ErrorCategory.NOT_FOUND);
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.resultCode()).contains("A001202");
                    });
            assertThat(stub.lastRequest().target()).as("by operationId too").isEqualTo("/api/1/client/get/2");
            int sent = stub.requests().size();
            assertThatThrownBy(() -> authlete.call("client get", Map.of("clientId", "1")))
                    .isInstanceOfSatisfying(AuthleteException.class, e -> {
                        assertThat(e.category()).isEqualTo(ErrorCategory.BAD_INPUT);
                        assertThat(e.parameter()).contains("serviceId");
                        assertThat(e.problem()).contains("is required");
                    })
                    .hasMessage("missing required parameter 'serviceId'");
            assertThatThrownBy(() -> authlete.call("client get", Map.of("serviceId", "1", "clientId", "..")))
                    .hasMessageStartingWith("'clientId' cannot be '..'")
                    .hasMessageNotContaining("--");
            assertThatThrownBy(() -> authlete.call("client frobnicate", Map.of()))
                    .isInstanceOf(AuthleteException.class)
                    .hasMessageContaining("no operation 'client frobnicate'");
            assertThatThrownBy(() -> authlete.items("service get", Map.of()))
                    .isInstanceOfSatisfying(
                            AuthleteException.class,
                            e -> assertThat(e.category()).isEqualTo(ErrorCategory.BAD_INPUT));
            assertThat(stub.requests()).hasSize(sent);
        }
    }
}
