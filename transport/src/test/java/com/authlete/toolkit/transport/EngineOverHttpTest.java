package com.authlete.toolkit.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.core.ErrorCategory;
import com.authlete.toolkit.core.client.AuthleteClient;
import com.authlete.toolkit.core.client.MissingTokenException;
import com.authlete.toolkit.core.client.Update;
import com.authlete.toolkit.core.testing.FakeAuthlete;
import com.authlete.toolkit.core.testing.StubServer;
import com.authlete.toolkit.core.testing.StubServer.Reply;
import com.authlete.toolkit.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine of every front end over the real HTTP transport (found on the class path, as a Java program finds it),
 * against a stateful fake that behaves as Authlete does: it replaces a whole object on update and fills defaults for
 * the fields a request leaves out.
 */
class EngineOverHttpTest {

    private static final String SERVICE = "715948317";
    private static final String TOKEN = "engine-token-1234567890";

    private final FakeAuthlete fake;
    private final AuthleteClient authlete;

    EngineOverHttpTest() throws Exception {
        fake = new FakeAuthlete(SERVICE, TOKEN).fillingDefaults();
        authlete = AuthleteClient.builder()
                .baseUrl(URI.create(fake.url()))
                .token(TOKEN)
                .serviceId(SERVICE)
                .build();
    }

    @AfterEach
    void stop() {
        authlete.close();
        fake.close();
    }

    private ObjectNode addShop() throws Exception {
        return fake.addClient((ObjectNode) JsonTrees.parse(("{\"clientName\":\"Shop\",\"clientType\":\"CONFIDENTIAL\","
                        + "\"redirectUris\":[\"https://shop.example/cb\"],\"grantTypes\":[\"AUTHORIZATION_CODE\",\"REFRESH_TOKEN\"],"
                        + "\"responseTypes\":[\"CODE\"],\"jwks\":\"{\\\"keys\\\":[]}\",\"description\":\"old\"}")
                .getBytes()));
    }

    private ObjectNode client(long id) {
        return fake.clients().stream()
                .filter(client -> client.path("clientId").asLong() == id)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aPartialUpdateKeepsEveryFieldItDoesNotName() throws Exception {
        ObjectNode before = addShop();
        long id = before.path("clientId").asLong();

        JsonNode answer = authlete.call("client update", Map.of("clientId", id, "description", "new"));

        ObjectNode after = client(id);
        assertThat(answer.path("description").asText()).isEqualTo("new");
        for (String kept : List.of(
                "clientName", "clientType", "redirectUris", "grantTypes", "responseTypes", "jwks", "clientSecret")) {
            assertThat(after.get(kept)).as(kept).isEqualTo(before.get(kept));
        }
        List<FakeAuthlete.Request> sent = fake.requests();
        assertThat(sent).extracting(FakeAuthlete.Request::method).containsExactly("GET", "POST");
        assertThat(sent.get(1).body())
                .as("server-set fields are not sent back")
                .doesNotContain("clientSecret", "createdAt", "\"number\"");
    }

    @Test
    void theServiceKeepsItsFieldsToo() {
        String issuer = fake.service().path("issuer").asText();
        authlete.call("service update", Map.of("serviceName", "Renamed"));
        assertThat(fake.service().path("serviceName").asText()).isEqualTo("Renamed");
        assertThat(fake.service().path("issuer").asText()).isEqualTo(issuer);
    }

    @Test
    void replaceSendsExactlyTheGivenBodyAndTheServerFillsItsDefaults() throws Exception {
        long id = addShop().path("clientId").asLong();

        authlete.call("client update", Map.of("clientId", id, "clientName", "Bare"), Update.REPLACE);

        assertThat(fake.requests()).extracting(FakeAuthlete.Request::method).containsExactly("POST");
        assertThat(JsonTrees.parse(fake.requests().get(0).body().getBytes()))
                .isEqualTo(JsonTrees.parse("{\"clientName\":\"Bare\"}".getBytes()));
        ObjectNode after = client(id);
        assertThat(after.path("clientType").asText()).isEqualTo("PUBLIC");
        assertThat(after.path("redirectUris")).isEmpty();
    }

    @Test
    void aFailedReadSaysThatTheReadFailedAndSendsNoUpdate() throws Exception {
        long id = addShop().path("clientId").asLong();
        fake.failNext("GET /api/" + SERVICE + "/client/get/" + id);

        assertThatThrownBy(() -> authlete.call("client update", Map.of("clientId", id, "description", "x")))
                .isInstanceOfSatisfying(AuthleteException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.REJECTED);
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.resultCode()).contains("A999999");
                })
                .hasMessageStartingWith("reading the current object with 'client get' before the update failed: ");
        assertThat(fake.writes()).isEmpty();
    }

    @Test
    void itemsWalkEveryPage() throws Exception {
        for (int i = 0; i < 250; i++) {
            fake.addClient((ObjectNode) JsonTrees.parse(("{\"clientName\":\"c" + i + "\"}").getBytes()));
        }
        List<String> names = authlete.items("client list", Map.of())
                .map(client -> client.path("clientName").asText())
                .toList();
        assertThat(names).hasSize(250).doesNotHaveDuplicates();
        assertThat(fake.requests()).hasSize(3);
    }

    @Test
    void itemsRefuseAServerThatDoesNotPage() throws Exception {
        // Always the first 100 of 250, whatever start says: a loop without guards would hand out 300 items, 100
        // distinct.
        StringBuilder page = new StringBuilder("{\"totalCount\":250,\"clients\":[");
        for (int i = 0; i < 100; i++) {
            page.append(i > 0 ? "," : "").append("{\"clientId\":").append(i).append('}');
        }
        String body = page.append("]}").toString();
        List<JsonNode> seen = new ArrayList<>();
        try (StubServer stub = new StubServer().handler(request -> Reply.json(200, body));
                AuthleteClient client = AuthleteClient.builder()
                        .baseUrl(URI.create(stub.url()))
                        .token(TOKEN)
                        .build()) {
            assertThatThrownBy(() -> client.items("client list", Map.of("serviceId", "1"))
                            .forEach(seen::add))
                    .isInstanceOfSatisfying(
                            AuthleteException.class,
                            e -> assertThat(e.category()).isEqualTo(ErrorCategory.PAGING))
                    .hasMessageContaining("does not page");
        }
        assertThat(seen).hasSize(100);
        assertThat(seen.stream().map(JsonNode::toString).collect(Collectors.toSet()))
                .hasSize(100);
    }

    @Test
    void theTokenIsAskedForOnceAndItsAbsenceIsNotAuthenticated() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        try (AuthleteClient client = AuthleteClient.builder()
                .baseUrl(URI.create(fake.url()))
                .serviceId(SERVICE)
                .tokenSource(() -> {
                    asked.incrementAndGet();
                    return Optional.of(TOKEN);
                })
                .build()) {
            client.call("service get", Map.of());
            client.call("service get", Map.of());
        }
        assertThat(asked).hasValue(1);

        fake.clearRequests();
        try (AuthleteClient client = AuthleteClient.builder()
                .baseUrl(URI.create(fake.url()))
                .serviceId(SERVICE)
                .tokenSource(Optional::empty)
                .build()) {
            assertThatThrownBy(() -> client.call("service get", Map.of()))
                    .isInstanceOf(MissingTokenException.class)
                    .isInstanceOfSatisfying(AuthleteException.class, e -> {
                        assertThat(e.category()).isEqualTo(ErrorCategory.NOT_AUTHENTICATED);
                        assertThat(e.status()).isZero();
                    });
        }
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void aDestructiveCallIsSentOnlyWhenConfirmed() throws Exception {
        long id = addShop().path("clientId").asLong();
        try (AuthleteClient refusing = AuthleteClient.builder()
                .baseUrl(URI.create(fake.url()))
                .token(TOKEN)
                .serviceId(SERVICE)
                .confirmation((operation, request) -> false)
                .build()) {
            assertThatThrownBy(() -> refusing.call("client delete", Map.of("clientId", id)))
                    .isInstanceOfSatisfying(
                            AuthleteException.class,
                            e -> assertThat(e.category()).isEqualTo(ErrorCategory.CANCELLED));
            // Reads are never asked about.
            assertThat(refusing.call("client get", Map.of("clientId", id))).isNotNull();
        }
        assertThat(fake.writes()).isEmpty();
        authlete.call("client delete", Map.of("clientId", id));
        assertThat(fake.clients()).isEmpty();
    }

    @Test
    void apiErrorsCarryCategoryStatusAndResultCode() {
        assertThatThrownBy(() -> authlete.call("client get", Map.of("clientId", "42")))
                .isInstanceOfSatisfying(AuthleteException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.NOT_FOUND);
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.resultCode()).contains("A011201");
                    assertThat(e.resultMessage())
                            .hasValueSatisfying(message -> assertThat(message).contains("No client has ID 42"));
                });
    }
}
