package com.authlete.toolkit.core.paging;

import java.io.IOException;

/** The server's pages do not add up (it ignores start and end, repeats a page, or never stops): the walk stopped. */
public final class PagingException extends IOException {

    private static final long serialVersionUID = 1L;

    public PagingException(String message) {
        super(message);
    }
}
