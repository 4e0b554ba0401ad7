package com.authlete.toolkit.core.paging;

import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.core.ErrorCategory;

/** The server's pages do not add up (it ignores start and end, repeats a page, or never stops): the walk stopped. */
public final class PagingException extends AuthleteException {

    private static final long serialVersionUID = 1L;

    public PagingException(String message) {
        super(ErrorCategory.PAGING, message, null);
    }
}
