package com.authlete.toolkit.core.paging;

import com.authlete.toolkit.core.catalog.ListShape;
import com.authlete.toolkit.core.catalog.Operation;
import com.authlete.toolkit.core.request.InvalidInputException;
import com.authlete.toolkit.core.request.PreparedRequest;
import com.authlete.toolkit.core.request.RequestBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;

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
    public interface ItemSink {
        void item(JsonNode item) throws IOException;

        /** After each page: items so far, and the total the API reported (-1 when it did not). */
        default void endOfPage(long fetched, long total) throws IOException {
        }
    }

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private final ListShape list;
    private final int pageSize;

    public PageWalker(Operation operation, int pageSize) throws InvalidInputException {
        if (operation.list() == null || !operation.list().paginated()) {
            throw new InvalidInputException("'" + operation.command() + "' is not a paginated list; --all does not apply");
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
    public <E extends Exception> long walk(RequestBuilder request, long firstStart, PageFetcher<E> fetcher, ItemSink sink)
            throws InvalidInputException, IOException, E {
        long start = firstStart;
        long fetched = 0;
        while (true) {
            PreparedRequest page = request.parameter("start", start).parameter("end", start + pageSize).build();
            long total = -1;
            int count = 0;
            try (InputStream body = fetcher.fetch(page); JsonParser parser = MAPPER.createParser(body)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new IOException("a page of '" + list.field() + "' is not a JSON object");
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (name.equals(list.field()) && value == JsonToken.START_ARRAY) {
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            sink.item(parser.readValueAsTree());
                            count++;
                        }
                    } else if (name.equals("totalCount") && value.isNumeric()) {
                        total = parser.getLongValue();
                    } else {
                        parser.skipChildren();
                    }
                }
            }
            fetched += count;
            start += count;
            sink.endOfPage(fetched, total);
            boolean more = total >= 0 ? start < total : count == pageSize;
            if (count == 0 || !more) {
                return fetched;
            }
        }
    }
}
