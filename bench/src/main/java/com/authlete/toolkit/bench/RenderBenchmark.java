package com.authlete.toolkit.bench;

import com.authlete.toolkit.json.JsonTrees;
import com.authlete.toolkit.render.OutputFormat;
import com.authlete.toolkit.render.RenderOptions;
import com.authlete.toolkit.render.formats.Renderers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Renderer throughput on a fixed client-list document of {@code megabytes} of compact JSON (default 50). Each
 * operation renders the whole document once; MB/s = megabytes / (seconds per operation). Baseline: Jackson's
 * default pretty printer. Allocation rate: run with {@code -prof gc}.
 *
 * <pre>java -jar bench/target/benchmarks.jar RenderBenchmark -prof gc</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx6g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class RenderBenchmark {

    @Param({"50"})
    public int megabytes;

    private JsonNode document;

    @Setup(Level.Trial)
    public void createDocument() throws IOException {
        ObjectNode root = JsonTrees.mapper().createObjectNode();
        root.put("start", 0);
        ArrayNode clients = root.putArray("clients");
        long size = 0;
        for (int i = 0; size < megabytes * 1024L * 1024L; i++) {
            ObjectNode client = clients.addObject();
            client.put("clientId", 1_000_000_000L + i)
                    .put("clientName", "client number " + i)
                    .put("clientType", i % 2 == 0 ? "CONFIDENTIAL" : "PUBLIC")
                    .put("developer", "dev" + (i % 97))
                    .put("createdAt", 1_700_000_000_000L + i)
                    .put("dynamicallyRegistered", i % 5 == 0)
                    .put("redirectUri", "https://app" + i + ".example.com/cb")
                    .put("defaultMaxAge", i % 3600);
            size += JsonTrees.mapper().writeValueAsBytes(client).length + 1;
        }
        root.put("totalCount", clients.size());
        document = root;
    }

    /** Counts bytes, keeps none. */
    static final class Sink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    private long render(OutputFormat format) throws IOException {
        Sink sink = new Sink();
        Renderers.of(format, new RenderOptions(false, 120)).render(document, sink);
        return sink.count;
    }

    @Benchmark
    public long toon() throws IOException {
        return render(OutputFormat.TOON);
    }

    @Benchmark
    public long yaml() throws IOException {
        return render(OutputFormat.YAML);
    }

    @Benchmark
    public long table() throws IOException {
        return render(OutputFormat.TABLE);
    }

    @Benchmark
    public long pretty() throws IOException {
        return render(OutputFormat.PRETTY);
    }

    @Benchmark
    public long jacksonPrettyPrinter() throws IOException {
        Sink sink = new Sink();
        JsonTrees.mapper().writerWithDefaultPrettyPrinter().writeValue(sink, document);
        return sink.count;
    }
}
