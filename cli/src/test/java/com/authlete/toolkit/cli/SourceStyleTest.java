package com.authlete.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the formatter does not check: classes are imported, not named inline by their fully qualified names. */
class SourceStyleTest {

    /** A package path followed by a class name, such as java.util.Map or com.authlete.toolkit.core.catalog.Field. */
    private static final Pattern QUALIFIED =
            Pattern.compile("(?<![\\w.])(java|javax|com|io|org|reactor)(\\.[a-z_][a-z0-9_]*)+\\.[A-Z]");

    private static final Pattern STRING = Pattern.compile("\"(\\\\.|[^\"\\\\])*\"");

    @Test
    void noClassIsNamedInlineByItsFullyQualifiedName() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> found = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(root)) {
            sources = files.filter(file -> file.toString().endsWith(".java")
                            && file.toString().contains("/src/")
                            && !file.toString().contains("/target/")
                            && !file.toString().contains("/node_modules/"))
                    .toList();
        }
        assertThat(sources).as("the sources of every module").hasSizeGreaterThan(250);
        for (Path source : sources) {
            List<String> lines = read(source);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith("import ")
                        || line.startsWith("package ")
                        || line.startsWith("*")
                        || line.startsWith("/*")
                        || line.startsWith("//")) {
                    continue;
                }
                if (QUALIFIED.matcher(STRING.matcher(line).replaceAll("\"\"")).find()) {
                    found.add(root.relativize(source) + ":" + (i + 1) + ": " + line);
                }
            }
        }
        assertThat(found).as("inline fully qualified class names (import them)").isEmpty();
    }

    private static List<String> read(Path source) {
        try {
            return Files.readAllLines(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
