package com.authlete.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.cli.app.Router;
import com.authlete.toolkit.cli.docs.ReferenceWriter;
import com.authlete.toolkit.core.catalog.Catalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The committed reference (docs/commands, docs/man) is what the generator makes now; -Ddocs.update=true rewrites it. */
class ReferenceDocsTest {

    static final Path DOCS = Path.of("..", "docs");

    @Test
    void committedReferenceMatchesTheCommands() throws Exception {
        Map<String, String> files = new ReferenceWriter(Router.TABLE, Catalog.standard()).files();
        if (Boolean.getBoolean("docs.update")) {
            for (Path folder : new Path[] {DOCS.resolve("commands"), DOCS.resolve("man")}) {
                if (Files.exists(folder)) {
                    try (Stream<Path> old = Files.walk(folder)) {
                        old.sorted(Comparator.reverseOrder())
                                .forEach(path -> path.toFile().delete());
                    }
                }
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = DOCS.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
        }
        Set<String> committed;
        try (Stream<Path> walk = Stream.concat(Files.walk(DOCS.resolve("commands")), Files.walk(DOCS.resolve("man")))) {
            committed = walk.filter(Files::isRegularFile)
                    .map(path -> DOCS.relativize(path).toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(committed)
                .as("files in docs/; run scripts/regenerate-docs")
                .isEqualTo(new TreeSet<>(files.keySet()));
        for (Map.Entry<String, String> file : files.entrySet()) {
            assertThat(Files.readString(DOCS.resolve(file.getKey())))
                    .as("docs/%s drifted; run scripts/regenerate-docs", file.getKey())
                    .isEqualTo(file.getValue());
        }
        assertThat(files.get("commands/client-create.md"))
                .contains(
                        "# authlete client create",
                        "`--client-type`",
                        "`PUBLIC\\|CONFIDENTIAL`",
                        "Sends `POST /api/{serviceId}/client/create`");
        assertThat(files.get("man/man1/authlete-client-create.1"))
                .startsWith(".TH AUTHLETE\\-CLIENT\\-CREATE 1")
                .contains(".SH OPTIONS", ".B \\-\\-client\\-type \\fIPUBLIC|CONFIDENTIAL\\fR");
    }
}
