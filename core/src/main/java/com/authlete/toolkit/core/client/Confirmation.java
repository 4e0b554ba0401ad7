package com.authlete.toolkit.core.client;

import com.authlete.toolkit.core.ErrorCategory;
import com.authlete.toolkit.core.catalog.Operation;
import com.authlete.toolkit.core.exchange.PreparedRequest;

/**
 * Asked before an operation that deletes or revokes something (the catalog's {@code destructive}) is sent: a
 * terminal asks its user, an MCP server its start-up flag. A Java program that calls a delete means it: its default
 * allows everything.
 */
@FunctionalInterface
public interface Confirmation {

    Confirmation ALLOW = (operation, request) -> true;

    /**
     * @param request the request as it would go on the wire
     * @return whether to send it; false cancels the call with {@link ErrorCategory#CANCELLED}
     */
    boolean confirm(Operation operation, PreparedRequest request);
}
