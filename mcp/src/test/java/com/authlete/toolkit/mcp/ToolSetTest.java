package com.authlete.toolkit.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.core.catalog.Operation;
import com.authlete.toolkit.render.OutputFormat;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The tools come from the catalog: one per operation, named, typed and annotated from its data. */
class ToolSetTest {

    private final Catalog catalog = Catalog.standard();
    private static final McpOptions ALL = new McpOptions(false, false, Set.of("all"), OutputFormat.TOON, 50, null);

    /** The operations that are tools of their own: every one but the twins (another way to send the same request). */
    private List<Operation> distinct() {
        return catalog.operations().stream()
                .filter(operation -> !ToolSet.isTwin(catalog, operation))
                .toList();
    }

    private static List<McpSchema.Tool> tools(McpOptions options) {
        return new AuthleteMcpServer(
                        options,
                        () -> {
                            throw new AssertionError("listing tools must not connect");
                        },
                        "test")
                .tools().stream().map(AsyncToolSpecification::tool).toList();
    }

    @Test
    void everyOperationIsOneToolWithAUniqueValidName() {
        List<McpSchema.Tool> tools = tools(ALL);
        assertThat(tools).hasSize(distinct().size());
        assertThat(catalog.operations().size() - distinct().size()).as("twins").isEqualTo(5);
        assertThat(tools)
                .extracting(McpSchema.Tool::name)
                .doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).matches("[a-z0-9_]{1,48}"))
                .doesNotContain("client_update_form", "client_management_revoke_client_tokens_post")
                .contains("client_list", "client_management_refresh_secret", "authorization_process_request");
    }

    @Test
    void schemasComeFromParametersAndBodyFields() {
        Map<String, McpSchema.Tool> tools =
                tools(ALL).stream().collect(Collectors.toMap(McpSchema.Tool::name, tool -> tool));
        Map<String, Object> create = tools.get("client_create").inputSchema();
        assertThat(create)
                .containsEntry("type", "object")
                .containsEntry("additionalProperties", false)
                .containsEntry("required", List.of("serviceId"));
        Map<String, Object> grantTypes = map(properties(create).get("grantTypes"));
        assertThat(grantTypes).containsEntry("type", "array");
        assertThat(map(grantTypes.get("items"))).containsEntry("type", "string");
        assertThat(map(grantTypes.get("items")).get("enum")).asList().contains("AUTHORIZATION_CODE", "REFRESH_TOKEN");
        // Descriptions in our words, from the glossary.
        assertThat((String) map(properties(create).get("clientName")).get("description"))
                .isNotBlank();

        Operation list = catalog.operation("client list");
        assertThat(properties(tools.get("client_list").inputSchema()).keySet())
                .containsExactlyInAnyOrderElementsOf(
                        Stream.concat(list.parameters().stream().map(p -> p.name()), Stream.of("fields"))
                                .toList());
        assertThat(tools.get("client_list").description()).contains("at most 50 items per call");
    }

    @Test
    void annotationsSayWhatTheOperationDoes() {
        Map<String, McpSchema.ToolAnnotations> annotations =
                tools(ALL).stream().collect(Collectors.toMap(McpSchema.Tool::name, McpSchema.Tool::annotations));
        assertThat(annotations.get("client_get").readOnlyHint()).isTrue();
        assertThat(annotations.get("client_get").idempotentHint()).isTrue();
        assertThat(annotations.get("client_delete").readOnlyHint()).isFalse();
        assertThat(annotations.get("client_delete").destructiveHint()).isTrue();
        assertThat(annotations.get("client_create").destructiveHint()).isFalse();
        assertThat(annotations.get("client_create").idempotentHint()).isFalse();
        // A GET that replaces the secret does not only read.
        assertThat(annotations.get("client_management_refresh_secret").readOnlyHint())
                .isFalse();
        for (Operation operation : distinct()) {
            McpSchema.ToolAnnotations hint = annotations.get(ToolSet.name(operation));
            assertThat(hint.readOnlyHint())
                    .as(operation.command())
                    .isEqualTo(operation.method().equals("GET") && !operation.revealsSecret());
            if (!hint.readOnlyHint()) {
                assertThat(hint.destructiveHint())
                        .as(operation.command())
                        .isEqualTo(operation.destructive() || operation.replacesWholeObject());
            }
        }
    }

    @Test
    void readOnlyAndGroupsNarrowTheList() {
        List<McpSchema.Tool> readOnly = tools(new McpOptions(true, false, Set.of("all"), OutputFormat.TOON, 50, null));
        assertThat(readOnly)
                .isNotEmpty()
                .allSatisfy(
                        tool -> assertThat(tool.annotations().readOnlyHint()).isTrue());
        assertThat(readOnly)
                .hasSize((int) distinct().stream().filter(ToolSet::readsOnly).count());

        List<McpSchema.Tool> grouped =
                tools(new McpOptions(false, false, Set.of("client", "service"), OutputFormat.TOON, 50, null));
        assertThat(grouped)
                .extracting(McpSchema.Tool::name)
                .allMatch(name -> name.startsWith("client_") || name.startsWith("service_"))
                .contains("service_list", "client_management_refresh_secret");
        assertThat(grouped).hasSizeLessThan(catalog.operations().size() / 2);

        assertThatThrownBy(() -> tools(new McpOptions(false, false, Set.of("clients"), OutputFormat.TOON, 50, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no group 'clients'")
                .hasMessageContaining("all, discovery, authorization, ciba, client, ");
        assertThatThrownBy(() -> new McpOptions(false, false, Set.of(), OutputFormat.YAML, 50, null))
                .hasMessageContaining("--format expects auto, toon or json");
    }

    @Test
    void aDefaultServiceIdMakesServiceIdOptional() {
        McpSchema.Tool get =
                tools(new McpOptions(false, false, Set.of("client"), OutputFormat.TOON, 50, "715948317")).stream()
                        .filter(tool -> tool.name().equals("client_get"))
                        .findFirst()
                        .orElseThrow();
        assertThat(get.inputSchema()).containsEntry("required", List.of("clientId"));
        assertThat((String) map(properties(get.inputSchema()).get("serviceId")).get("description"))
                .contains("715948317");
    }

    static Map<String, Object> properties(Map<String, Object> schema) {
        return map(schema.get("properties"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
