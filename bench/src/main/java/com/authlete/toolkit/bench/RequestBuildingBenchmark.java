package com.authlete.toolkit.bench;

import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.core.catalog.Operation;
import com.authlete.toolkit.core.exchange.PreparedRequest;
import com.authlete.toolkit.core.request.InvalidInputException;
import com.authlete.toolkit.core.request.RequestBuilder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Building requests from command-line text: typed values, enum checks, body merging and encoding. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class RequestBuildingBenchmark {

    private final Operation create = Catalog.standard().operation("client create");
    private final Operation updateForm = Catalog.standard().operation("client update-form");

    @Benchmark
    public PreparedRequest clientCreateJson() throws InvalidInputException {
        return RequestBuilder.forOperation(create)
                .parameter("serviceId", "715948317")
                .bodyJson("{\"description\":\"from stdin\",\"clientName\":\"x\"}", "stdin")
                .bodyField("clientName", "My Client")
                .bodyField("clientType", "confidential")
                .bodyField("grantTypes", List.of("AUTHORIZATION_CODE", "REFRESH_TOKEN"))
                .bodyField("redirectUris", List.of("https://a.example/cb", "https://b.example/cb"))
                .bodyField("defaultMaxAge", "3600")
                .build();
    }

    @Benchmark
    public PreparedRequest clientUpdateForm() throws InvalidInputException {
        return RequestBuilder.forOperation(updateForm)
                .parameter("serviceId", "1")
                .parameter("clientId", "2")
                .bodyField("clientName", "A B")
                .bodyField("redirectUris", List.of("https://a/cb", "https://b/cb"))
                .build();
    }
}
