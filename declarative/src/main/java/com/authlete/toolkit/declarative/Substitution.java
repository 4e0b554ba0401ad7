package com.authlete.toolkit.declarative;

import com.authlete.toolkit.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Environment references in text values: {@code ${env:NAME}} is replaced by the variable's value, anywhere in a
 * string ({@code https://${env:HOST}/callback}); <code>$${</code> stands for a literal <code>${</code>. An unset variable is
 * an error naming the file, the field and the variable: a secret or per-environment value is never silently empty.
 * The toolkit's own credentials ({@code AUTHLETE_BEARER}, {@code AUTHLETE_CLIENT_SECRET}) cannot be referred to: a
 * directory from an untrusted branch could otherwise put the API token into a client's name and send it. Every value
 * substituted is kept ({@link #values()}), so that output can treat it as a secret.
 */
public final class Substitution {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\$\\{|\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

    /** The variables that hold the toolkit's own credentials. */
    static final Set<String> CREDENTIAL_VARIABLES = Set.of("AUTHLETE_BEARER", "AUTHLETE_CLIENT_SECRET");

    private final Map<String, String> environment;
    private final Set<String> values = new LinkedHashSet<>();

    public Substitution(Map<String, String> environment) {
        this.environment = environment;
    }

    /** Every non-empty value substituted so far. */
    public Set<String> values() {
        return Set.copyOf(values);
    }

    /** The text form of a reference to {@code variable}. */
    public static String reference(String variable) {
        return "${env:" + variable + "}";
    }

    /** A copy of {@code value} with every reference replaced. */
    public JsonNode apply(JsonNode value, String file, String path) throws ConfigFileException {
        if (value.isObject()) {
            ObjectNode out = JsonTrees.NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                out.set(field.getKey(), apply(field.getValue(), file, FieldPath.child(path, field.getKey())));
            }
            return out;
        }
        if (value.isArray()) {
            ArrayNode out = JsonTrees.NODES.arrayNode(value.size());
            for (int i = 0; i < value.size(); i++) {
                out.add(apply(value.get(i), file, FieldPath.item(path, i)));
            }
            return out;
        }
        if (value.isTextual() && value.asText().contains("${")) {
            return JsonTrees.NODES.textNode(substitute(value.asText(), file, path));
        }
        return value;
    }

    private String substitute(String text, String file, String path) throws ConfigFileException {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            if (matcher.group(1) == null) {
                replacement = "${"; // $${: a literal ${
            } else {
                if (CREDENTIAL_VARIABLES.contains(matcher.group(1))) {
                    throw new ConfigFileException(
                            file,
                            path,
                            "${env:" + matcher.group(1) + "} names the toolkit's own "
                                    + "credential; a configuration file may not read it");
                }
                replacement = environment.get(matcher.group(1));
                if (replacement == null) {
                    throw new ConfigFileException(
                            file, path, "environment variable " + matcher.group(1) + " is not set");
                }
                if (!replacement.isEmpty()) {
                    values.add(replacement);
                }
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
