package com.authlete.toolkit.buildtools;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.core.catalog.Field;
import com.authlete.toolkit.core.catalog.Operation;
import com.authlete.toolkit.core.catalog.RequestBody;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generators' rules on small inputs, without the OpenAPI description. */
class GeneratorsTest {

    private static Field field(String name, boolean serverSet) {
        return new Field(name, CommandNaming.kebab(name), "string", null, List.of(), false, serverSet);
    }

    private static Operation operation(
            String words, String method, String path, List<Field> pathParameters, RequestBody body) {
        return new Operation(
                List.of(words.split(" ")),
                "Summary of " + words,
                null,
                method,
                path,
                true,
                pathParameters,
                List.of(),
                body,
                null,
                false,
                false,
                null);
    }

    private static final Field SERVICE_ID = field("serviceId", false);
    private static final Field CLIENT_ID = field("clientId", false);
    private static final RequestBody BODY = new RequestBody(
            List.of("application/json"),
            RequestBody.JSON,
            false,
            List.of(field("clientName", false), field("clientSecret", true)));

    @Test
    void namesAreKebabCase() {
        assertThat(CommandNaming.kebab("tlsClientCertificateBoundAccessTokens"))
                .isEqualTo("tls-client-certificate-bound-access-tokens");
        assertThat(CommandNaming.kebab("serviceId")).isEqualTo("service-id");
    }

    @Test
    void destructiveOperationsAreThoseThatDeleteOrRevoke() {
        assertThat(CatalogGenerator.destructive(List.of("client", "delete"))).isTrue();
        assertThat(CatalogGenerator.destructive(List.of("token", "revoke-all"))).isTrue();
        assertThat(CatalogGenerator.destructive(List.of("token", "create"))).isFalse();
        assertThat(CatalogGenerator.destructive(List.of("client", "management", "delete-authorized-applications")))
                .isTrue();
        assertThat(CatalogGenerator.destructive(List.of("client", "update"))).isFalse();
    }

    @Test
    void anUpdateWithAGetBesideItReplacesAWholeObject() {
        Operation get = operation(
                "client get", "GET", "/api/{serviceId}/client/get/{clientId}", List.of(SERVICE_ID, CLIENT_ID), null);
        Operation update = operation(
                "client update",
                "POST",
                "/api/{serviceId}/client/update/{clientId}",
                List.of(SERVICE_ID, CLIENT_ID),
                BODY);
        Operation create =
                operation("client create", "POST", "/api/{serviceId}/client/create", List.of(SERVICE_ID), BODY);
        // An update whose path does not name the object the get needs cannot read it first.
        Operation bulk =
                operation("client update-all", "POST", "/api/{serviceId}/client/update", List.of(SERVICE_ID), BODY);

        List<Operation> marked = CatalogGenerator.withReadCurrent(List.of(get, update, create, bulk));

        assertThat(marked).extracting(Operation::readCurrent).containsExactly(null, "client get", null, null);
    }

    @Test
    void theIndexRoutesWordsToClassesAndTheCommandClassCollectsEveryInput() {
        Operation get = operation(
                "client get", "GET", "/api/{serviceId}/client/get/{clientId}", List.of(SERVICE_ID, CLIENT_ID), null);
        Operation update = CatalogGenerator.withReadCurrent(List.of(
                        get,
                        operation(
                                "client update",
                                "POST",
                                "/api/{serviceId}/client/update/{clientId}",
                                List.of(SERVICE_ID, CLIENT_ID),
                                BODY)))
                .get(1);
        Catalog catalog = new Catalog(
                "9.9", List.of("https://us.authlete.com"), List.of(update), Map.of("client edit", "client update"));

        String index = CommandGenerator.index(catalog);
        String type = CommandGenerator.commandClass(update, "ClientUpdateCommand");

        assertThat(index)
                .contains(
                        "new CommandEntry(\"client update\", \"Summary of client update\", false)",
                        "case \"client update\" -> ClientUpdateCommand.class;",
                        "Map.entry(\"client edit\", \"client update\")",
                        "API_VERSION = \"9.9\"");
        assertThat(type)
                .contains(
                        "@Command(name = \"update\"",
                        "request.parameter(\"serviceId\"",
                        "request.bodyField(\"clientName\"",
                        "The API replaces the whole object");
    }

    @Test
    void anInputNamedLikeOneOfTheCliFlagsMovesAside() {
        assertThat(CommandGenerator.flag(field("debug", false))).isEqualTo("body-debug");
        assertThat(CommandGenerator.flag(field("replace", false))).isEqualTo("body-replace");
        assertThat(CommandGenerator.flag(field("clientName", false))).isEqualTo("client-name");
    }
}
