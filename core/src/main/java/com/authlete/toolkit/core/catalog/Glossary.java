package com.authlete.toolkit.core.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One-line descriptions of fields and parameters, written for this project (the API description's own prose is
 * not copied), keyed by field name: {@code glossary.tsv} beside the catalog. Front ends show them in help.
 */
public final class Glossary {

    private static final String RESOURCE = "glossary.tsv";

    private final Map<String, String> descriptions;

    private Glossary(Map<String, String> descriptions) {
        this.descriptions = Collections.unmodifiableMap(descriptions);
    }

    public static Glossary standard() {
        try (InputStream in = Glossary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            Map<String, String> descriptions = new LinkedHashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab <= 0) {
                    throw new IllegalStateException(RESOURCE + ": expected 'name<TAB>description', got: " + line);
                }
                if (descriptions.put(
                                line.substring(0, tab), line.substring(tab + 1).strip())
                        != null) {
                    throw new IllegalStateException(RESOURCE + ": " + line.substring(0, tab) + " is described twice");
                }
            }
            return new Glossary(descriptions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<String> describe(String name) {
        return Optional.ofNullable(descriptions.get(name));
    }

    public Map<String, String> all() {
        return descriptions;
    }
}
