package com.authlete.toolkit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Temporary folders of the tests, removed with everything in them when the test JVM ends (not left in /tmp by the thousand). */
final class TempDirs {

    private static final List<Path> CREATED = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> CREATED.forEach(TempDirs::deleteTree), "temp-dirs"));
    }

    private TempDirs() {}

    static Path create(String prefix) throws IOException {
        Path directory = Files.createTempDirectory(prefix);
        CREATED.add(directory);
        return directory;
    }

    static void deleteTree(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // best effort: a folder that cannot be removed is only clutter
        }
    }
}
