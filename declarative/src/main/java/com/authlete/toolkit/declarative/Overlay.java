package com.authlete.toolkit.declarative;

import com.authlete.toolkit.core.catalog.SchemaField;
import com.authlete.toolkit.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What a file asks for, given the live resource: the fields the file names, laid over the live ones. A field the file
 * leaves out is not managed by it: it keeps its live value, whatever default the server filled in, so that a diff
 * after an apply is empty against any server that fills defaults. {@code null} means the same as leaving the field
 * out (as Terraform reads null for a value the provider computes): the server's default, whatever it is, is never
 * fought over. A field is reset by spelling out the value wanted ({@code []}, {@code false}, {@code 0},
 * {@code ""}, {@code PUBLIC}), which the server keeps as sent. Objects are laid over field by field at every depth;
 * lists and other values are replaced whole.
 */
final class Overlay {

    private Overlay() {}

    static ObjectNode of(JsonNode live, JsonNode file) {
        ObjectNode out = live != null && live.isObject() ? live.deepCopy() : JsonTrees.NODES.objectNode();
        if (file == null || !file.isObject()) {
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = file.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            JsonNode current = out.get(member.getKey());
            JsonNode wanted = member.getValue();
            if (wanted.isNull()) {
                continue;
            }
            out.set(
                    member.getKey(),
                    wanted.isObject() && current != null && current.isObject() ? of(current, wanted) : wanted);
        }
        return out;
    }

    /**
     * The resource as an update sends it: the fields of the schema a client may set, with their values exactly as
     * they are (an explicit {@code false} or {@code 0} included: leaving one out would let the server pick a default).
     */
    static ObjectNode writable(List<SchemaField> fields, JsonNode resource) {
        ObjectNode out = JsonTrees.NODES.objectNode();
        for (SchemaField field : fields) {
            JsonNode value = resource.get(field.name());
            if (field.readOnly() || value == null) {
                continue;
            }
            out.set(
                    field.name(),
                    field.hasFields() && !field.isArray() && value.isObject()
                            ? writable(field.fields(), value)
                            : value);
        }
        return out;
    }
}
