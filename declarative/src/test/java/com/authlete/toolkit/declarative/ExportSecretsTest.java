package com.authlete.toolkit.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.core.catalog.ResourceSchema;
import com.authlete.toolkit.core.catalog.SchemaField;
import com.authlete.toolkit.core.secrets.SensitiveNames;
import com.authlete.toolkit.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Export decides which values become environment references by the engine's one secret rule, field by field, for
 * every text field of the service and client schemas: a secret never lands in a file, and nothing that is not a
 * secret (an API key id such as authenticationCallbackApiKey) is turned into a variable to set.
 */
class ExportSecretsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void everyTextFieldIsAReferenceExactlyWhenTheRuleSaysItHoldsASecret() throws Exception {
        for (String kind : List.of("service", "client")) {
            List<SchemaField> fields = ResourceSchema.of(kind).fields().stream()
                    .filter(field -> !field.readOnly() && "string".equals(field.type()))
                    .toList();
            assertThat(fields).as(kind).hasSizeGreaterThan(20);
            ObjectNode resource = JsonTrees.NODES.objectNode();
            fields.forEach(field -> resource.put(field.name(), "value-of-" + field.name()));
            ObjectNode service = kind.equals("service") ? resource : JsonTrees.NODES.objectNode();
            List<JsonNode> clients = List.of();
            if (kind.equals("client")) {
                resource.put("clientId", 42);
                clients = List.of(resource);
            }
            List<Export.ExportedFile> files = Export.of(new LiveState("1", service, clients));
            JsonNode exported =
                    YAML.readTree(files.get(kind.equals("service") ? 0 : 1).text());
            for (SchemaField field : fields) {
                String value = exported.path(field.name()).asText();
                boolean secret = SensitiveNames.isSensitive(field.name());
                assertThat(value.startsWith("${env:"))
                        .as(kind + "." + field.name() + " = " + value)
                        .isEqualTo(secret);
                if (!secret) {
                    assertThat(value).isEqualTo("value-of-" + field.name());
                }
            }
        }
    }
}
