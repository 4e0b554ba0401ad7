package com.authlete.toolkit.core.catalog;

/**
 * Where the items of a list response live.
 *
 * @param field     the array property of the response object, such as {@code clients}
 * @param paginated whether the response also carries {@code start}, {@code end} and {@code totalCount}
 */
public record ListShape(String field, boolean paginated) {}
