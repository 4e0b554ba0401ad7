package com.authlete.toolkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Request bodies from {@code --body} (text, a file, or stdin), bounded so that no input is read into memory unchecked. */
final class BodyInput {

    /** Bodies larger than this on stdin or in a file are refused rather than read into memory. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private BodyInput() {
    }

    /** The value of {@code --body}: JSON text, {@code @file}, or {@code @-} for standard input. */
    static String flag(String value, InputStream stdin) throws CliException {
        if (!value.startsWith("@")) {
            return value;
        }
        if (value.equals("@-")) {
            return read(stdin, "standard input");
        }
        Path file = Path.of(value.substring(1));
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, "--body file " + file);
        } catch (NoSuchFileException e) {
            throw CliException.usage("--body file not found: " + file);
        } catch (IOException e) {
            throw CliException.usage("cannot read --body file " + file + ": " + e.getMessage());
        }
    }

    static String read(InputStream in, String what) throws CliException {
        try {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw CliException.usage(what + " holds more than " + MAX_BODY_BYTES / (1024 * 1024) + " MiB");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliException.usage("cannot read " + what + ": " + e.getMessage());
        }
    }
}
