package com.authlete.toolkit.core.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.authlete.toolkit.core.ErrorCategory;
import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.core.catalog.Field;
import com.authlete.toolkit.core.catalog.Operation;
import com.authlete.toolkit.core.exchange.PreparedRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestBuilderTest {

    private static final Catalog CATALOG = Catalog.standard();

    private static RequestBuilder request(String command) {
        return RequestBuilder.forOperation(CATALOG.operation(command));
    }

    @Test
    void queryParametersAreTypedAndEncodedInCatalogOrder() throws Exception {
        PreparedRequest request = request("service list")
                .parameter("end", "5")
                .parameter("start", 0)
                .build();

        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.target()).isEqualTo("/api/service/get/list?start=0&end=5");
        assertThat(request.body()).isNull();
        assertThat(request.headers()).doesNotContainKey("Content-Type");
    }

    @Test
    void pathParametersArePercentEncoded() throws Exception {
        PreparedRequest request = request("client management list-authorizations")
                .parameters(Map.of("serviceId", "7159", "subject", "alice smith/ü"))
                .build();

        assertThat(request.target()).isEqualTo("/api/7159/client/authorization/get/list/alice%20smith%2F%C3%BC");
    }

    @Test
    void dotSegmentsAreRefusedAsPathValues() {
        for (String dots : new String[] {".", ".."}) {
            assertThatThrownBy(() -> request("client management list-authorizations")
                            .parameters(Map.of("serviceId", "1", "subject", dots))
                            .build())
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("'subject' cannot be '" + dots + "'");
            assertThatThrownBy(() -> request("service get")
                            .parameters(Map.of("serviceId", dots))
                            .build())
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("'serviceId' cannot be");
        }
        assertThat(catchThrowable(() -> request("client management list-authorizations")
                        .parameters(Map.of("serviceId", "1", "subject", "..."))
                        .build()))
                .isNull();
    }

    @Test
    void malformedIntegerNamesTheParameterAndTheProblem() {
        assertThatThrownBy(
                        () -> request("service list").parameter("start", "abc").build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.BAD_INPUT);
                    assertThat(e.parameter()).contains("start");
                    assertThat(e.problem()).contains("expects an integer, got 'abc'");
                    assertThat(e.field()).get().extracting(Field::flag).isEqualTo("start");
                    assertThat(e.isMissing()).isFalse();
                })
                .hasMessage("'start' expects an integer, got 'abc'");
    }

    @Test
    void missingRequiredPathAndQueryParametersAreReported() {
        assertThatThrownBy(
                        () -> request("client get").parameter("serviceId", "1").build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.isMissing()).isTrue();
                    assertThat(e.inBody()).isFalse();
                    assertThat(e.field()).get().extracting(Field::flag).isEqualTo("client-id");
                })
                .hasMessage("missing required parameter 'clientId'");
        assertThatThrownBy(() -> request("client management list-authorized-applications")
                        .parameter("serviceId", "1")
                        .build())
                .hasMessage("missing required parameter 'subject'");
    }

    @Test
    void enumValuesAreMatchedIgnoringCaseAndRejectedWithTheAllowedList() throws Exception {
        PreparedRequest request = request("client create")
                .parameter("serviceId", "1")
                .bodyField("clientType", "public")
                .build();
        assertThat(request.bodyText()).isEqualTo("{\"clientType\":\"PUBLIC\"}");

        assertThatThrownBy(() -> request("client create")
                        .parameter("serviceId", "1")
                        .bodyField("clientType", "secret")
                        .build())
                .hasMessage("'clientType' does not accept 'secret'; allowed values: PUBLIC, CONFIDENTIAL");
    }

    @Test
    void repeatedFlagsMakeArraysAndEnumItemsAreChecked() throws Exception {
        PreparedRequest request = request("client create")
                .parameter("serviceId", "1")
                .bodyField("grantTypes", List.of("authorization_code", "REFRESH_TOKEN"))
                .build();
        assertThat(request.bodyText()).isEqualTo("{\"grantTypes\":[\"AUTHORIZATION_CODE\",\"REFRESH_TOKEN\"]}");

        assertThatThrownBy(() -> request("client create")
                        .parameter("serviceId", "1")
                        .bodyField("grantTypes", List.of("NOPE"))
                        .build())
                .hasMessageStartingWith("'grantTypes' does not accept 'NOPE'; allowed values: AUTHORIZATION_CODE");
    }

    @Test
    void booleansAndNumbersAreTypedAndMalformedOnesRejected() throws Exception {
        PreparedRequest request = request("client create")
                .parameter("serviceId", "1")
                .bodyField("tlsClientCertificateBoundAccessTokens", "TRUE")
                .bodyField("defaultMaxAge", "3600")
                .build();
        assertThat(request.bodyText())
                .isEqualTo("{\"tlsClientCertificateBoundAccessTokens\":true,\"defaultMaxAge\":3600}");

        assertThatThrownBy(() -> request("client create")
                        .parameter("serviceId", "1")
                        .bodyField("tlsClientCertificateBoundAccessTokens", "yes")
                        .build())
                .hasMessage("'tlsClientCertificateBoundAccessTokens' expects true or false, got 'yes'");
    }

    @Test
    void objectFieldsAreJsonTextAndObjectArraysAcceptOneObjectPerFlag() throws Exception {
        PreparedRequest request = request("client create")
                .parameter("serviceId", "1")
                .bodyField(
                        "attributes", List.of("{\"key\":\"a\",\"value\":\"1\"}", "[{\"key\":\"b\",\"value\":\"2\"}]"))
                .build();
        assertThat(request.bodyText())
                .isEqualTo("{\"attributes\":[{\"key\":\"a\",\"value\":\"1\"},{\"key\":\"b\",\"value\":\"2\"}]}");

        assertThatThrownBy(() -> request("client create")
                        .parameter("serviceId", "1")
                        .bodyField("attributes", List.of("{key"))
                        .build())
                .hasMessageStartingWith("'attributes' is not valid JSON");
    }

    @Test
    void flagsWinOverBodyWhichWinsOverStdinFieldByField() throws Exception {
        PreparedRequest request = request("client create")
                .parameter("serviceId", "1")
                .bodyJson("{\"clientName\":\"from-stdin\",\"description\":\"kept\",\"developer\":\"stdin\"}", "stdin")
                .bodyJson("{\"clientName\":\"from-body\",\"developer\":\"body\"}", "--body")
                .bodyField("clientName", "from-flag")
                .build();

        assertThat(request.bodyText())
                .isEqualTo("{\"clientName\":\"from-flag\",\"description\":\"kept\",\"developer\":\"body\"}");
        assertThat(request.headers()).containsEntry("Content-Type", "application/json; charset=utf-8");
    }

    @Test
    void bodyNumbersKeepTheirExactText() throws Exception {
        PreparedRequest request = request("client create")
                .parameter("serviceId", "1")
                .bodyJson("{\"big\":123456789012345678901234567890,\"ratio\":1.10}", "--body")
                .build();

        assertThat(request.bodyText()).isEqualTo("{\"big\":123456789012345678901234567890,\"ratio\":1.10}");
    }

    @Test
    void malformedBodyJsonIsReportedWithItsOrigin() {
        assertThatThrownBy(() -> request("client create")
                        .parameter("serviceId", "1")
                        .bodyJson("{\"a\":", "--body")
                        .build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("--body is not valid JSON");
    }

    @Test
    void aBodyFieldNamedLikeAParameterGetsTheBodyPrefix() throws Exception {
        Operation update = CATALOG.operation("client update");
        Field bodyClientId = update.bodyFields().stream()
                .filter(f -> f.name().equals("clientId"))
                .findFirst()
                .orElseThrow();
        assertThat(bodyClientId.flag()).isEqualTo("body-client-id");
        assertThat(update.pathParameters()).extracting(Field::flag).containsExactly("service-id", "client-id");

        PreparedRequest request = RequestBuilder.forOperation(update)
                .parameters(Map.of("serviceId", "1", "clientId", "22"))
                .bodyField("clientId", "33")
                .build();
        assertThat(request.target()).isEqualTo("/api/1/client/update/22");
        assertThat(request.bodyText()).isEqualTo("{\"clientId\":33}");
    }

    @Test
    void updateFormSendsAFormEncodedBody() throws Exception {
        PreparedRequest request = request("client update-form")
                .parameters(Map.of("serviceId", "1", "clientId", "2"))
                .bodyField("clientName", "My Client")
                .bodyField("redirectUris", List.of("https://a.example/cb", "https://b.example/cb"))
                .build();

        assertThat(request.headers()).containsEntry("Content-Type", "application/x-www-form-urlencoded");
        assertThat(request.bodyText())
                .isEqualTo("clientName=My+Client"
                        + "&redirectUris=https%3A%2F%2Fa.example%2Fcb&redirectUris=https%3A%2F%2Fb.example%2Fcb");
    }

    @Test
    void requiredBodiesAndRequiredFieldsAreEnforced() {
        assertThatThrownBy(() -> request("authorization process-request")
                        .parameter("serviceId", "1")
                        .build())
                .hasMessageContaining("needs a request body");
        assertThatThrownBy(() -> request("authorization process-request")
                        .parameter("serviceId", "1")
                        .bodyField("context", "x")
                        .build())
                .hasMessage("missing required body field 'parameters'");
    }

    @Test
    void unknownNamesAndBodiesForBodilessOperationsAreRejected() {
        assertThatThrownBy(() -> request("service list").parameter("nope", "1").build())
                .hasMessage("'service list' has no parameter 'nope'");
        assertThatThrownBy(() -> request("service get")
                        .parameter("serviceId", "1")
                        .bodyJson("{}", "--body")
                        .build())
                .hasMessage("'service get' takes no request body");
    }

    @Test
    void anOperationCanBeFoundByItsOperationId() {
        assertThat(CATALOG.operation("client_get_list_api").command()).isEqualTo("client list");
    }
}
