package com.authlete.toolkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Request bodies from {@code --body} (text, a file, or stdin), bounded so that no input is read into memory unchecked. */
final class BodyInput {

    /** Bodies larger than this on stdin or in a file are refused rather than read into memory. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private BodyInput() {}

    /** The value of {@code --body}: JSON text, {@code @file}, or {@code @-} for standard input. */
    static String flag(String value, InputStream stdin) throws CliException {
        if (!value.startsWith("@")) {
            return nonEmpty(value, "--body is empty");
        }
        if (value.equals("@-")) {
            return nonEmpty(read(stdin, "standard input"), "--body @- found nothing on standard input");
        }
        Path file = Path.of(value.substring(1));
        try (InputStream in = Files.newInputStream(file)) {
            return nonEmpty(read(in, "--body file " + file), "--body file " + file + " is empty");
        } catch (NoSuchFileException e) {
            throw CliException.usage("--body file not found: " + file);
        } catch (IOException e) {
            throw CliException.usage("cannot read --body file " + file + ": " + e.getMessage());
        }
    }

    /** A body asked for explicitly must be there: sending none instead would hide the mistake. */
    private static String nonEmpty(String body, String message) throws CliException {
        if (body.isBlank()) {
            throw CliException.usage(message + "; give a JSON object");
        }
        return body;
    }

    static String read(InputStream in, String what) throws CliException {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw CliException.usage("cannot read " + what + ": " + e.getMessage());
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw CliException.usage(what + " holds more than " + MAX_BODY_BYTES / (1024 * 1024) + " MiB");
        }
        return utf8(bytes, what);
    }

    /**
     * Strict UTF-8: a lenient decoder would replace bad bytes with U+FFFD and send changed data without a word
     * (a Latin-1 file, say). A byte order mark is dropped.
     */
    private static String utf8(byte[] bytes, String what) throws CliException {
        int start =
                bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf
                        ? 3
                        : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buffer)
                    .toString();
        } catch (CharacterCodingException e) {
            throw CliException.usage(what + " is not valid UTF-8 (a bad byte at offset " + buffer.position()
                    + "); convert it, for example with iconv -f latin1 -t utf-8");
        }
    }
}
