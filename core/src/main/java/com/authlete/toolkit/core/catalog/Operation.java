package com.authlete.toolkit.core.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One command of the catalog: an API operation (or a variant of one, such as {@code client update-form}).
 *
 * @param words           the command words, such as {@code [client, management, refresh-secret]}
 * @param summary         the API's short title of the operation
 * @param operationId     the API's operationId, or null when the API gives none
 * @param method          the HTTP method
 * @param path            the path template, such as {@code /api/{serviceId}/client/get/{clientId}}
 * @param authenticated   whether the API expects a bearer token
 * @param pathParameters  the parameters of the path template, in template order
 * @param queryParameters the query parameters
 * @param body            the request body, or null when the operation takes none
 * @param list            the list field of the response, or null when the response is not a list
 * @param destructive     whether it deletes or revokes something (front ends ask first): written by the generator
 * @param revealsSecret   whether its answer carries a newly generated secret shown only this once (secret
 *                        rotation): written by the generator
 * @param readCurrent     for an update that replaces the whole object (the API documents no partial update): the
 *                        command words of the {@code get} that reads the object, so that a partial update can keep
 *                        the fields it does not name; null otherwise. Written by the generator
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Operation(
        List<String> words,
        String summary,
        String operationId,
        String method,
        String path,
        boolean authenticated,
        List<Field> pathParameters,
        List<Field> queryParameters,
        RequestBody body,
        ListShape list,
        boolean destructive,
        boolean revealsSecret,
        String readCurrent) {

    public Operation {
        words = List.copyOf(words);
        pathParameters = pathParameters == null ? List.of() : List.copyOf(pathParameters);
        queryParameters = queryParameters == null ? List.of() : List.copyOf(queryParameters);
    }

    /** The command words joined by spaces, such as {@code client create}. */
    @JsonIgnore
    public String command() {
        return String.join(" ", words);
    }

    @JsonIgnore
    public Optional<RequestBody> requestBody() {
        return Optional.ofNullable(body);
    }

    @JsonIgnore
    public Optional<ListShape> listShape() {
        return Optional.ofNullable(list);
    }

    /** The same operation with another summary. */
    public Operation withSummary(String newSummary) {
        return new Operation(
                words,
                newSummary,
                operationId,
                method,
                path,
                authenticated,
                pathParameters,
                queryParameters,
                body,
                list,
                destructive,
                revealsSecret,
                readCurrent);
    }

    /** The same operation under other words with another body (a variant such as {@code client update-form}). */
    public Operation withWordsAndBody(List<String> newWords, RequestBody newBody) {
        return new Operation(
                newWords,
                summary,
                operationId,
                method,
                path,
                authenticated,
                pathParameters,
                queryParameters,
                newBody,
                list,
                destructive,
                revealsSecret,
                readCurrent);
    }

    /** The same operation, saying which {@code get} reads the whole object it replaces. */
    public Operation withReadCurrent(String getCommand) {
        return new Operation(
                words,
                summary,
                operationId,
                method,
                path,
                authenticated,
                pathParameters,
                queryParameters,
                body,
                list,
                destructive,
                revealsSecret,
                getCommand);
    }

    /** Whether this operation replaces a whole object, so that a partial update reads it first. */
    @JsonIgnore
    public boolean replacesWholeObject() {
        return readCurrent != null;
    }

    /** Path and query parameters, in that order. */
    @JsonIgnore
    public List<Field> parameters() {
        return Stream.concat(pathParameters.stream(), queryParameters.stream()).toList();
    }

    @JsonIgnore
    public List<Field> bodyFields() {
        return body == null ? List.of() : body.fields();
    }
}
