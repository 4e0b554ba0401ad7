package com.authlete.toolkit.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.core.testing.Peers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The glossary describes names the catalog really uses, every service and client field and parameter, in our words. */
class GlossaryTest {

    private static final Catalog CATALOG = Catalog.standard();

    @Test
    void everyEntryIsAFieldOrParameterOfTheCatalog() {
        Set<String> names = new HashSet<>();
        for (Operation operation : CATALOG.operations()) {
            Stream.concat(operation.parameters().stream(), operation.bodyFields().stream())
                    .forEach(field -> names.add(field.name()));
        }
        assertThat(names).containsAll(Glossary.standard().all().keySet());
        assertThat(Glossary.standard().all().values())
                .allSatisfy(text -> assertThat(text).isNotBlank().endsWith("."));
    }

    /** Our own words: no entry repeats the description's prose for a property or parameter of that name. */
    @Test
    void noEntryCopiesTheApiDescriptionsProse() throws Exception {
        JsonNode spec = new YAMLMapper().readTree(Peers.openApi().toFile());
        Map<String, Set<String>> prose = new HashMap<>();
        collect(spec, prose);
        Glossary.standard().all().forEach((name, ours) -> {
            String mine = normalise(ours);
            for (String theirs : prose.getOrDefault(name, Set.of())) {
                String firstSentence = theirs.contains(". ") ? theirs.substring(0, theirs.indexOf(". ") + 1) : theirs;
                assertThat(mine).as(name).isNotEqualTo(theirs).isNotEqualTo(firstSentence);
                if (firstSentence.length() > 30) {
                    assertThat(mine).as(name).doesNotContain(firstSentence.replaceAll("\\.$", ""));
                }
            }
        });
    }

    /** Every description under a property or parameter name, anywhere in the document. */
    private static void collect(JsonNode node, Map<String, Set<String>> prose) {
        if (node.isObject()) {
            if (node.has("name") && node.path("description").isTextual()) {
                prose.computeIfAbsent(node.get("name").asText(), k -> new HashSet<>())
                        .add(normalise(node.get("description").asText()));
            }
            JsonNode properties = node.path("properties");
            properties.properties().forEach(entry -> {
                if (entry.getValue().path("description").isTextual()) {
                    prose.computeIfAbsent(entry.getKey(), k -> new HashSet<>())
                            .add(normalise(entry.getValue().get("description").asText()));
                }
            });
            node.forEach(child -> collect(child, prose));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, prose));
        }
    }

    private static String normalise(String text) {
        return text.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    @Test
    void everyServiceAndClientFieldAndEveryParameterIsDescribed() {
        Glossary glossary = Glossary.standard();
        Stream.of(
                        CATALOG.operation("client create").bodyFields().stream(),
                        CATALOG.operation("service update").bodyFields().stream(),
                        CATALOG.operations().stream().flatMap(operation -> operation.parameters().stream()))
                .flatMap(s -> s)
                .forEach(field -> assertThat(glossary.describe(field.name()))
                        .as(field.name())
                        .isPresent());
    }

    /** Every argument an MCP tool or a flag takes has a description of its own (no placeholder), in every operation. */
    @Test
    void everyParameterAndSettableBodyFieldOfEveryOperationIsDescribed() {
        Glossary glossary = Glossary.standard();
        Set<String> missing = new TreeSet<>();
        for (Operation operation : CATALOG.operations()) {
            Stream.concat(
                            operation.parameters().stream(),
                            operation.bodyFields().stream().filter(field -> !field.isServerSet()))
                    .filter(field -> glossary.describe(field.name()).isEmpty())
                    .forEach(field -> missing.add(field.name() + " (" + operation.command() + ")"));
        }
        assertThat(missing).isEmpty();
    }
}
