package com.authlete.toolkit.core.client;

import com.authlete.toolkit.core.catalog.Operation;
import com.authlete.toolkit.core.exchange.PreparedRequest;
import com.authlete.toolkit.core.request.RequestBuilder;
import java.util.List;
import java.util.Optional;

/**
 * One call of an operation as the engine will make it, before anything is sent: what a dry run shows. For a partial
 * update of an operation that replaces a whole object, {@link #currentRead()} is the read that comes first.
 *
 * @param operation the operation
 * @param request   its inputs, the default service id filled in
 * @param read      the {@code get} that reads the current object first, or null when the call sends exactly its body
 */
public record OperationCall(Operation operation, RequestBuilder request, Operation read) {

    /** The request as given, without the current object under it. */
    public PreparedRequest given() {
        return request.build();
    }

    /** The request with only the fields given (required ones may be missing until the current object is under them). */
    public PreparedRequest partial() {
        return request.buildPartial();
    }

    /** The read of the current object a partial update makes first, when it makes one. */
    public Optional<PreparedRequest> currentRead() {
        if (read == null) {
            return Optional.empty();
        }
        RequestBuilder builder = RequestBuilder.forOperation(read);
        read.pathParameters()
                .forEach(parameter -> builder.parameter(parameter.name(), request.parameterValue(parameter.name())));
        return Optional.of(builder.build());
    }

    /** The body fields the call sets; with a {@link #currentRead()}, the only ones it changes. */
    public List<String> changedFields() {
        return request.givenBodyFields();
    }
}
