package com.authlete.toolkit.declarative;

import com.authlete.toolkit.json.JsonTrees;
import com.authlete.toolkit.render.TerminalSafe;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * A {@link Diff} for people and for programs. Text: one header line per resource ({@code +} create, {@code ~} update,
 * {@code -} delete), one indented line per field change, a summary line; green, yellow and red on a terminal.
 * JSON: the same facts as a tree. Secrets are masked in both; text values are printed as JSON strings when they
 * hold control characters, so that no server value can move the cursor or change colours.
 */
public final class DiffText {

    private static final int MAX_VALUE = 160;

    private final boolean color;

    public DiffText(boolean color) {
        this.color = color;
    }

    public String render(Diff diff) {
        StringBuilder out = new StringBuilder();
        for (ResourceDiff resource : diff.resources()) {
            out.append(header(resource)).append('\n');
            for (FieldChange change : resource.changes()) {
                out.append("    ").append(line(change)).append('\n');
            }
        }
        out.append(summary(diff)).append('\n');
        return out.toString();
    }

    /** Lines for the clients left alone (no file, not pruned): for standard error, as a note. */
    public String unmanaged(Diff diff) {
        StringBuilder out = new StringBuilder();
        for (ResourceDiff resource : diff.unmanaged()) {
            out.append("note: client ")
                    .append(safe(resource.name()))
                    .append(" (clientId ")
                    .append(resource.id())
                    .append(") has no file; left alone (--prune deletes it)\n");
        }
        return out.toString();
    }

    public String summary(Diff diff) {
        if (diff.isEmpty()) {
            return "No differences: service " + diff.serviceId() + " matches the files.";
        }
        long create = count(diff.resources(), ResourceDiff.Action.CREATE);
        long update = count(diff.resources(), ResourceDiff.Action.UPDATE);
        long delete = count(diff.resources(), ResourceDiff.Action.DELETE);
        return diff.resources().size() + (diff.resources().size() == 1 ? " resource differs" : " resources differ")
                + ": " + create + " to create, " + update + " to update, " + delete + " to delete.";
    }

    public String header(ResourceDiff resource) {
        String where = resource.file() == null ? "" : resource.file();
        if (resource.id() != null && resource.kind().equals("client")) {
            where = where.isEmpty() ? "clientId " + resource.id() : where + ", clientId " + resource.id();
        }
        String what =
                resource.kind().equals("service") ? "service " + resource.id() : "client " + safe(resource.name());
        return switch (resource.action()) {
            case CREATE -> paint("32", "+ " + what) + " (" + where + "): new";
            case UPDATE -> paint("33", "~ " + what) + " (" + where + ")";
            case DELETE -> paint("31", "- " + what) + " (" + where + "): no file; deleted with --prune";
            case UNMANAGED -> "  " + what + " (" + where + "): no file; left alone";
        };
    }

    private String line(FieldChange change) {
        return switch (change.change()) {
            case ADDED ->
                paint("32", "+ " + TerminalSafe.text(change.path()) + ": " + value(change.after(), change.secret()));
            case REMOVED ->
                paint("31", "- " + TerminalSafe.text(change.path()) + ": " + value(change.before(), change.secret()));
            case CHANGED ->
                paint(
                        "33",
                        "~ " + TerminalSafe.text(change.path()) + ": " + value(change.before(), change.secret())
                                + " -> " + value(change.after(), change.secret()));
        };
    }

    private static String value(JsonNode value, boolean secret) {
        if (secret) {
            return Secrets.MASK;
        }
        String text = value.isTextual() ? safe(value.asText()) : TerminalSafe.text(JsonTrees.text(value));
        return text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE - 1) + "…" : text;
    }

    private static String safe(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                // JSON's escapes for C0 and quotes; C1, which JSON leaves raw, as \u009b-style escapes too.
                return TerminalSafe.text(JsonTrees.text(JsonTrees.NODES.textNode(text)));
            }
        }
        return text;
    }

    private String paint(String code, String text) {
        return color ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }

    private static long count(List<ResourceDiff> resources, ResourceDiff.Action action) {
        return resources.stream()
                .filter(resource -> resource.action() == action)
                .count();
    }

    /** The diff as JSON: {@code equal}, {@code serviceId}, {@code resources} with their changes, {@code unmanaged}. */
    public static ObjectNode json(Diff diff) {
        ObjectNode out = JsonTrees.NODES.objectNode();
        out.put("serviceId", diff.serviceId());
        out.put("equal", diff.isEmpty());
        ArrayNode resources = out.putArray("resources");
        diff.resources().forEach(resource -> resources.add(json(resource)));
        ArrayNode unmanaged = out.putArray("unmanaged");
        diff.unmanaged().forEach(resource -> unmanaged.add(json(resource)));
        return out;
    }

    private static ObjectNode json(ResourceDiff resource) {
        ObjectNode out = JsonTrees.NODES.objectNode();
        out.put("action", resource.action().name().toLowerCase(Locale.ROOT));
        out.put("kind", resource.kind());
        out.put("name", resource.name());
        out.put("file", resource.file());
        out.put("id", resource.id());
        ArrayNode changes = out.putArray("changes");
        for (FieldChange change : resource.changes()) {
            ObjectNode item = changes.addObject();
            item.put("path", change.path());
            item.put("change", change.change().name().toLowerCase(Locale.ROOT));
            item.set("before", masked(change.before(), change.secret()));
            item.set("after", masked(change.after(), change.secret()));
            if (change.secret()) {
                item.put("secret", true);
            }
        }
        return out;
    }

    private static JsonNode masked(JsonNode value, boolean secret) {
        if (value == null) {
            return JsonTrees.NODES.nullNode();
        }
        return secret ? JsonTrees.NODES.textNode(Secrets.MASK) : value;
    }
}
