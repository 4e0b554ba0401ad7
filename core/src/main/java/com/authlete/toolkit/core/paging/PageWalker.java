package com.authlete.toolkit.core.paging;

import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.core.ErrorCategory;
import com.authlete.toolkit.core.catalog.ListShape;
import com.authlete.toolkit.core.catalog.Operation;
import com.authlete.toolkit.core.exchange.PreparedRequest;
import com.authlete.toolkit.core.request.InvalidInputException;
import com.authlete.toolkit.core.request.RequestBuilder;
import com.authlete.toolkit.json.JsonTrees;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/**
 * Walks all pages of a paginated list operation ({@code start}/{@code end}/{@code totalCount} and a list field),
 * handing over one item at a time as it is parsed: memory does not grow with the number of items.
 */
public final class PageWalker {

    /** Fetches one page; the stream is closed by the walker. */
    @FunctionalInterface
    public interface PageFetcher<E extends Exception> {
        InputStream fetch(PreparedRequest page) throws E, IOException;
    }

    /** Receives the items. */
    @FunctionalInterface
    public interface ItemSink {
        void item(JsonNode item) throws IOException;

        /**
         * Receives an item straight from the parser, positioned on its first token; the sink must consume exactly
         * that value. The default builds a tree; sinks that can copy tokens directly override this to skip it.
         */
        default void item(JsonParser parser) throws IOException {
            item(JsonTrees.read(parser));
        }

        /** After each page: items so far, and the total the API reported (-1 when it did not). */
        default void endOfPage(long fetched, long total) throws IOException {}

        /**
         * Whether the sink takes whole pages ({@link #page}) instead of items: a program over a page's body (a jq
         * filter such as {@code .clients[].clientName}) must mean the same with and without paging.
         */
        default boolean takesPages() {
            return false;
        }

        /** A whole page's body, when {@link #takesPages()}. */
        default void page(JsonNode body) throws IOException {}
    }

    private final ListShape list;
    private final int pageSize;

    public PageWalker(Operation operation, int pageSize) {
        if (operation.list() == null || !operation.list().paginated()) {
            throw new InvalidInputException("'" + operation.command() + "' is not a paginated list");
        }
        if (pageSize < 1) {
            throw new InvalidInputException("the page size must be at least 1, got " + pageSize);
        }
        this.list = operation.list();
        this.pageSize = pageSize;
    }

    /**
     * Fetches pages from {@code firstStart} on, setting {@code start} and {@code end} on the builder for each.
     *
     * @return the number of items handed to the sink
     */
    public <E extends Exception> long walk(
            RequestBuilder request, long firstStart, PageFetcher<E> fetcher, ItemSink sink) throws IOException, E {
        ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "authlete-prefetch");
            thread.setDaemon(true);
            return thread;
        });
        Prefetch ahead = null;
        try {
            Guard guard = new Guard(firstStart);
            while (true) {
                long start = guard.start;
                InputStream body;
                if (ahead != null && ahead.start() == start) {
                    body = this.<E>await(ahead.response());
                } else {
                    discard(ahead);
                    body = fetcher.fetch(page(request, start));
                }
                ahead = null;
                // Once the total is known, ask for the next page while this one is parsed: the round trip overlaps
                // with the work. If this page turns out short, the early answer is thrown away.
                long next = start + pageSize;
                if (guard.total >= 0 && next < guard.total) {
                    PreparedRequest nextPage = page(request, next);
                    ahead = new Prefetch(next, background.submit(() -> fetcher.fetch(nextPage)));
                }
                boolean more = guard.accept(read(body, sink));
                sink.endOfPage(guard.fetched, guard.total);
                if (!more) {
                    return guard.fetched;
                }
            }
        } finally {
            discard(ahead);
            background.shutdownNow();
        }
    }

    /**
     * The items from the first page on, fetched a page at a time as the iterator is consumed (no fetch ahead), with the
     * same checks as {@link #walk}: a server that does not page is a {@link PagingException}, not a list that repeats.
     */
    public <E extends Exception> Iterator<JsonNode> iterator(RequestBuilder request, PageFetcher<E> fetcher) {
        Guard guard = new Guard(0);
        return new Iterator<>() {
            private final Deque<JsonNode> page = new ArrayDeque<>();
            private boolean more = true;

            @Override
            public boolean hasNext() {
                while (page.isEmpty() && more) {
                    try (InputStream body = fetcher.fetch(page(request, guard.start))) {
                        more = guard.accept(read(body, page::add));
                    } catch (IOException e) {
                        throw new AuthleteException(
                                ErrorCategory.NETWORK,
                                "reading a page of '" + list.field() + "' failed: " + e.getMessage(),
                                e);
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                return !page.isEmpty();
            }

            @Override
            public JsonNode next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.removeFirst();
            }
        };
    }

    /** What the pages so far say, and the checks each new page must pass. */
    private final class Guard {
        private final long firstStart;
        private long start;
        private long fetched;
        private long total = -1;
        private long firstTotal = -1;
        private long previousChecksum = -1;

        Guard(long firstStart) {
            this.firstStart = firstStart;
            this.start = firstStart;
        }

        /** Takes in the page asked for at {@link #start}; returns whether another page follows. */
        boolean accept(PageResult result) {
            if (result.echoedStart() >= 0 && result.echoedStart() != start) {
                throw new PagingException(
                        "the server answered with start=" + result.echoedStart() + " when asked for start=" + start
                                + ": it does not page; stopped after " + (fetched + result.count()) + " items");
            }
            if (result.count() > 0 && result.checksum() == previousChecksum) {
                throw new PagingException("the server sent the same page again for start=" + start
                        + ": it does not page;" + " stopped after " + fetched + " items");
            }
            previousChecksum = result.checksum();
            if (result.count() == 0 && result.total() > start) {
                throw new PagingException(
                        "the server sent an empty page at start=" + start + " although it counts " + result.total()
                                + " items; stopped after " + fetched + " items (the list may have changed meanwhile)");
            }
            total = result.total();
            if (firstTotal < 0 && total >= 0) {
                firstTotal = total;
            }
            fetched += result.count();
            start += result.count();
            // A list may grow a little while it is read; a server whose count keeps growing would never end.
            if (firstTotal >= 0 && fetched > firstTotal - firstStart + firstTotal / 10 + pageSize) {
                throw new PagingException(
                        "the server first counted " + firstTotal + " items but kept sending pages (it now counts "
                                + total + "); stopped after " + fetched + " items");
            }
            boolean more = total >= 0 ? start < total : result.count() == pageSize;
            return result.count() > 0 && more;
        }
    }

    private PreparedRequest page(RequestBuilder request, long start) {
        return request.parameter("start", start)
                .parameter("end", start + pageSize)
                .build();
    }

    private record Prefetch(long start, Future<InputStream> response) {}

    /** @param echoedStart the start the page says it has, or -1; @param checksum of the page's bytes */
    private record PageResult(int count, long total, long echoedStart, long checksum) {}

    private PageResult read(InputStream page, ItemSink sink) throws IOException {
        if (sink.takesPages()) {
            return readWhole(page, sink);
        }
        long total = -1;
        long echoedStart = -1;
        int count = 0;
        CRC32 crc = new CRC32();
        try (InputStream body = new CheckedInputStream(page, crc);
                JsonParser parser = JsonTrees.JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a page of '" + list.field() + "' is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(list.field()) && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        sink.item(parser);
                        count++;
                    }
                } else if (name.equals("totalCount") && value.isNumeric()) {
                    total = parser.getLongValue();
                } else if (name.equals("start") && value.isNumeric()) {
                    echoedStart = parser.getLongValue();
                } else {
                    parser.skipChildren();
                }
            }
        }
        return new PageResult(count, total, echoedStart, crc.getValue());
    }

    /** A page as one tree for a sink that takes pages; the same checks read its items and paging members. */
    private PageResult readWhole(InputStream page, ItemSink sink) throws IOException {
        CRC32 crc = new CRC32();
        JsonNode body;
        try (InputStream in = new CheckedInputStream(page, crc)) {
            body = JsonTrees.parse(in.readAllBytes());
        }
        if (body == null || !body.isObject()) {
            throw new IOException("a page of '" + list.field() + "' is not a JSON object");
        }
        JsonNode items = body.path(list.field());
        sink.page(body);
        return new PageResult(
                items.isArray() ? items.size() : 0,
                body.path("totalCount").isNumber() ? body.get("totalCount").asLong() : -1,
                body.path("start").isNumber() ? body.get("start").asLong() : -1,
                crc.getValue());
    }

    @SuppressWarnings("unchecked")
    private <E extends Exception> InputStream await(Future<InputStream> response) throws IOException, E {
        try {
            return response.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while fetching a page");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (E) cause;
        }
    }

    /** Closes an early answer nobody will read, so that its connection is freed. */
    private static void discard(Prefetch ahead) {
        if (ahead == null) {
            return;
        }
        if (!ahead.response().cancel(true)) {
            try {
                ahead.response().get().close();
            } catch (Exception ignored) {
                // The answer failed or was cancelled: nothing to free.
            }
        }
    }
}
