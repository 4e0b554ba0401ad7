package com.authlete.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.core.testing.StubServer;
import com.authlete.toolkit.core.testing.StubServer.Reply;
import java.io.BufferedReader;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --all} through the real launcher over 200,000 items (about 56 MB of JSON) with a 64 MB heap: it only
 * succeeds if items stream through without piling up in memory.
 */
class StreamingIT {

    private static final int TOTAL = 200_000;
    private static final Pattern RANGE = Pattern.compile("start=(\\d+)&end=(\\d+)");
    private static final String FILLER = "x".repeat(200);

    @Test
    void twoHundredThousandItemsStreamUnderASmallHeap(@TempDir Path dir) throws Exception {
        try (StubServer stub = new StubServer().handler(request -> {
            Matcher m = RANGE.matcher(request.target());
            m.find();
            int start = Integer.parseInt(m.group(1));
            int end = Math.min(Integer.parseInt(m.group(2)), TOTAL);
            StringBuilder json = new StringBuilder(
                    "{\"start\":" + start + ",\"end\":" + end + ",\"totalCount\":" + TOTAL + ",\"clients\":[");
            for (int i = start; i < end; i++) {
                json.append(i > start ? "," : "")
                        .append("{\"clientId\":")
                        .append(i)
                        .append(",\"clientName\":\"client ")
                        .append(i)
                        .append("\",\"description\":\"")
                        .append(FILLER)
                        .append("\"}");
            }
            return Reply.json(200, json.append("]}").toString());
        })) {
            Path out = dir.resolve("items.ndjson");
            Path err = dir.resolve("err.txt");
            ProcessBuilder builder = new ProcessBuilder(
                            LauncherProcess.launcher().toString(),
                            "client",
                            "list",
                            "--service-id",
                            "1",
                            "--all",
                            "--page-size",
                            "1000",
                            "--output-format",
                            "json",
                            "--server-url",
                            stub.url())
                    .redirectInput(new File("/dev/null"))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().put("AUTHLETE_BEARER", "t");
            builder.environment().put("AUTHLETE_JAVA_OPTS", "-Xmx64m");
            Process process = builder.start();
            assertThat(process.waitFor(180, TimeUnit.SECONDS))
                    .as("finished in time")
                    .isTrue();
            assertThat(process.exitValue()).as(Files.readString(err)).isZero();
            assertThat(Files.readString(err)).isEmpty();

            long lines = 0;
            String first = null;
            String last = null;
            try (BufferedReader reader = Files.newBufferedReader(out)) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (first == null) {
                        first = line;
                    }
                    last = line;
                    lines++;
                }
            }
            assertThat(lines).isEqualTo(TOTAL);
            assertThat(first).startsWith("{\"clientId\":0,\"clientName\":\"client 0\"");
            assertThat(last).startsWith("{\"clientId\":199999,");
            assertThat(Files.size(out)).isGreaterThan(48L * 1024 * 1024);
            assertThat(stub.requests()).hasSize(TOTAL / 1000);
        }
    }
}
