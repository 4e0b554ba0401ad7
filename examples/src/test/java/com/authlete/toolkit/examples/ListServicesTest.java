package com.authlete.toolkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authlete.toolkit.core.testing.StubServer;
import com.authlete.toolkit.core.testing.StubServer.Reply;
import com.authlete.toolkit.transport.ApiException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ListServicesTest {

    @Test
    void listsServicesThroughTheLibraryApi() throws Exception {
        try (StubServer stub = new StubServer()
                .handler(
                        request -> Reply.json(
                                200,
                                "{\"start\":0,\"end\":100,\"totalCount\":2,\"services\":["
                                        + "{\"apiKey\":715948317,\"serviceName\":\"Prod\"},{\"apiKey\":42,\"serviceName\":\"Test\"}]}"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            ListServices.run(URI.create(stub.url()), "lib-token", new PrintStream(out, true, StandardCharsets.UTF_8));

            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("715948317\tProd\n42\tTest\n");
            assertThat(stub.lastRequest().method()).isEqualTo("GET");
            assertThat(stub.lastRequest().target()).isEqualTo("/api/service/get/list?start=0&end=100");
            assertThat(stub.lastRequest().header("Authorization")).isEqualTo("Bearer lib-token");
        }
    }

    @Test
    void apiErrorsArriveAsTypedExceptionsWithTheResult() throws Exception {
        try (StubServer stub = new StubServer()
                .handler(request -> Reply.json(
                        401, "{\"resultCode\":\"A001101\",\"resultMessage\":\"[A001101] Authentication failed.\"}"))) {
            assertThatThrownBy(() -> ListServices.run(
                            URI.create(stub.url()), "bad", new PrintStream(new ByteArrayOutputStream())))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.resultCode()).contains("A001101");
                        assertThat(e.resultMessage()).contains("[A001101] Authentication failed.");
                    });
        }
    }
}
