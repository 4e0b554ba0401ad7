package com.authlete.toolkit.core.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.core.catalog.Operation;
import com.authlete.toolkit.core.request.InvalidInputException;
import com.authlete.toolkit.core.request.RequestBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageWalkerTest {

    private static final Pattern RANGE = Pattern.compile("start=(\\d+)&end=(\\d+)");

    /** A fake API with {@code total} clients that caps pages at {@code cap} items. */
    private static PageWalker.PageFetcher<RuntimeException> api(int total, int cap, List<String> targets) {
        return page -> {
            targets.add(page.target());
            Matcher m = RANGE.matcher(page.target());
            m.find();
            int start = Integer.parseInt(m.group(1));
            int end = Math.min(Math.min(Integer.parseInt(m.group(2)), start + cap), total);
            StringBuilder json = new StringBuilder("{\"clients\":[");
            for (int i = start; i < end; i++) {
                json.append(i > start ? "," : "")
                        .append("{\"clientId\":")
                        .append(i)
                        .append(",\"ratio\":1.10}");
            }
            json.append("],\"totalCount\":")
                    .append(total)
                    .append(",\"start\":")
                    .append(start)
                    .append('}');
            return new ByteArrayInputStream(json.toString().getBytes(StandardCharsets.UTF_8));
        };
    }

    @Test
    void walksEveryPageAndHandsOverItemsInOrder() throws Exception {
        List<String> targets = new ArrayList<>();
        List<JsonNode> items = new ArrayList<>();
        List<String> pages = new ArrayList<>();
        long count = new PageWalker(Catalog.standard().operation("client list"), 10)
                .walk(
                        RequestBuilder.forOperation(Catalog.standard().operation("client list"))
                                .parameter("serviceId", "1"),
                        0,
                        api(25, 100, targets),
                        new PageWalker.ItemSink() {
                            @Override
                            public void item(JsonNode item) {
                                items.add(item);
                            }

                            @Override
                            public void endOfPage(long fetched, long total) {
                                pages.add(fetched + "/" + total);
                            }
                        });

        assertThat(count).isEqualTo(25);
        assertThat(items)
                .extracting(item -> item.get("clientId").asInt())
                .containsExactlyElementsOf(IntStream.range(0, 25).boxed().toList());
        assertThat(items.get(0).get("ratio").toString()).isEqualTo("1.10");
        assertThat(targets)
                .containsExactly(
                        "/api/1/client/get/list?start=0&end=10",
                        "/api/1/client/get/list?start=10&end=20",
                        "/api/1/client/get/list?start=20&end=30");
        assertThat(pages).containsExactly("10/25", "20/25", "25/25");
    }

    @Test
    void followsTheServerWhenItReturnsSmallerPagesThanAskedFor() throws Exception {
        List<String> targets = new ArrayList<>();
        long count = new PageWalker(Catalog.standard().operation("client list"), 100)
                .walk(
                        RequestBuilder.forOperation(Catalog.standard().operation("client list"))
                                .parameter("serviceId", "1"),
                        0,
                        api(12, 5, targets),
                        item -> {});
        assertThat(count).isEqualTo(12);
        assertThat(targets).hasSize(3);
    }

    @Test
    void anEarlyFetchedPageIsDroppedWhenThePageBeforeItComesBackShort() throws Exception {
        List<String> targets = Collections.synchronizedList(new ArrayList<>());
        List<Integer> ids = new ArrayList<>();
        long count = new PageWalker(Catalog.standard().operation("client list"), 4)
                .walk(
                        RequestBuilder.forOperation(Catalog.standard().operation("client list"))
                                .parameter("serviceId", "1"),
                        0,
                        api(20, 3, targets),
                        item -> ids.add(item.get("clientId").asInt()));

        assertThat(count).isEqualTo(20);
        // Pages come back with 3 items where 4 were asked for, so every early fetch (start=7, ...) is for the
        // wrong start and must be dropped: each item exactly once, in order. (Whether a dropped fetch reached
        // the server first depends on timing, so it is not asserted.)
        assertThat(ids).containsExactlyElementsOf(IntStream.range(0, 20).boxed().toList());
        assertThat(targets).contains("/api/1/client/get/list?start=3&end=7", "/api/1/client/get/list?start=6&end=10");
    }

    @Test
    void onlyPaginatedListsCanBeWalked() {
        assertThatThrownBy(() -> new PageWalker(Catalog.standard().operation("client get"), 10))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a paginated list");
        assertThatThrownBy(() -> new PageWalker(Catalog.standard().operation("client list"), 0))
                .hasMessageContaining("at least 1");
    }

    private static long walkHostile(int pageSize, PageWalker.PageFetcher<RuntimeException> server) throws Exception {
        Operation list = Catalog.standard().operation("client list");
        return new PageWalker(list, pageSize)
                .walk(RequestBuilder.forOperation(list).parameter("serviceId", "1"), 0, server, item -> {});
    }

    private static ByteArrayInputStream page(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Hostile or broken servers: each walk ends, with a message that says why, instead of running for ever. */
    @Test
    void serversThatDoNotPageAreStoppedWithAReason() {
        AtomicInteger calls = new AtomicInteger();
        // Ignores start and end: the same first page, and a huge count, every time.
        assertThatThrownBy(() -> walkHostile(2, target -> {
                    calls.incrementAndGet();
                    return page("{\"clients\":[{\"clientId\":1},{\"clientId\":2}],\"totalCount\":1000000}");
                }))
                .isInstanceOf(PagingException.class)
                .hasMessageContaining("same page again");
        assertThat(calls.get()).isLessThanOrEqualTo(3);

        // Says which start it served, and it is not the one asked for.
        assertThatThrownBy(() -> walkHostile(
                        2,
                        target -> page("{\"start\":0,\"clients\":[{\"clientId\":"
                                + target.target().hashCode() + "},{\"clientId\":2}],\"totalCount\":1000000}")))
                .isInstanceOf(PagingException.class)
                .hasMessageContaining("start=0 when asked for start=2");

        // Pages as asked, but the count grows with every page.
        AtomicInteger served = new AtomicInteger();
        assertThatThrownBy(() -> walkHostile(2, target -> {
                    int n = served.getAndAdd(2);
                    return page("{\"clients\":[{\"clientId\":" + n + "},{\"clientId\":" + (n + 1) + "}],\"totalCount\":"
                            + (n + 10) + "}");
                }))
                .isInstanceOf(PagingException.class)
                .hasMessageContaining("first counted 10 items but kept sending pages");
        assertThat(served.get()).isLessThan(40);

        // An empty page while the count says there is more.
        assertThatThrownBy(() -> walkHostile(2, target -> page("{\"clients\":[],\"totalCount\":5}")))
                .isInstanceOf(PagingException.class)
                .hasMessageContaining("empty page at start=0 although it counts 5 items");
    }
}
