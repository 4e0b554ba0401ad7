package com.authlete.toolkit.declarative;

import com.authlete.toolkit.core.catalog.SchemaField;
import com.authlete.toolkit.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Field-level differences between two canonical resources ({@link Canonical}): nested objects field by field,
 * set-like arrays element by element, everything else as a whole value.
 */
final class Differ {

    private Differ() {}

    static List<FieldChange> between(List<SchemaField> fields, JsonNode live, JsonNode desired) {
        List<FieldChange> changes = new ArrayList<>();
        compare(fields, live, desired, "", List.of(), changes);
        return changes;
    }

    private static void compare(
            List<SchemaField> fields,
            JsonNode live,
            JsonNode desired,
            String path,
            List<String> names,
            List<FieldChange> changes) {
        for (SchemaField field : fields) {
            if (field.readOnly()) {
                continue;
            }
            JsonNode before = live.get(field.name());
            JsonNode after = desired.get(field.name());
            if (before == null && after == null || before != null && after != null && same(before, after)) {
                continue;
            }
            String where = FieldPath.child(path, field.name());
            List<String> below = append(names, field.name());
            if (before != null && after != null && field.hasFields() && !field.isArray()) {
                compare(field.fields(), before, after, where, below, changes);
            } else if (before != null && after != null && field.isArray() && !ArrayOrder.isOrdered(field.name())) {
                Set<JsonNode> old = new HashSet<>();
                before.forEach(old::add);
                Set<JsonNode> fresh = new HashSet<>();
                after.forEach(fresh::add);
                for (JsonNode item : before) {
                    if (!fresh.contains(item)) {
                        changes.add(change(where, FieldChange.Change.REMOVED, item, null, below));
                    }
                }
                for (JsonNode item : after) {
                    if (!old.contains(item)) {
                        changes.add(change(where, FieldChange.Change.ADDED, null, item, below));
                    }
                }
            } else {
                FieldChange.Change kind = before == null
                        ? FieldChange.Change.ADDED
                        : after == null ? FieldChange.Change.REMOVED : FieldChange.Change.CHANGED;
                changes.add(change(where, kind, before, after, below));
            }
        }
    }

    /**
     * Whether two values mean the same: equal, or texts that both hold JSON documents equal as parsed (a JWK Set in a
     * file is pretty-printed; the server keeps it as sent, or compacted).
     */
    static boolean same(JsonNode before, JsonNode after) {
        if (before.equals(after)) {
            return true;
        }
        if (!before.isTextual() || !after.isTextual()) {
            return false;
        }
        JsonNode a = parsedDocument(before.asText());
        JsonNode b = parsedDocument(after.asText());
        return a != null && b != null && Canonical.any(a).equals(Canonical.any(b));
    }

    private static JsonNode parsedDocument(String text) {
        String start = text.stripLeading();
        if (!start.startsWith("{") && !start.startsWith("[")) {
            return null;
        }
        try {
            return JsonTrees.parse(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException notJson) {
            return null;
        }
    }

    private static FieldChange change(
            String path, FieldChange.Change kind, JsonNode before, JsonNode after, List<String> names) {
        return new FieldChange(path, kind, before, after, holdsSecret(before, names) || holdsSecret(after, names));
    }

    /** Whether any text in the value is a secret (see {@link Secrets}). */
    static boolean holdsSecret(JsonNode value, List<String> names) {
        if (value == null) {
            return false;
        }
        if (value.isTextual()) {
            return Secrets.isSecret(names, value.asText());
        }
        if (value.isObject()) {
            for (var it = value.fields(); it.hasNext(); ) {
                var member = it.next();
                if (holdsSecret(member.getValue(), Secrets.below(names, value, member.getKey()))) {
                    return true;
                }
            }
        } else if (value.isArray()) {
            for (JsonNode item : value) {
                if (holdsSecret(item, names)) {
                    return true;
                }
            }
        }
        return false;
    }

    static List<String> append(List<String> names, String name) {
        List<String> out = new ArrayList<>(names);
        out.add(name);
        return out;
    }
}
