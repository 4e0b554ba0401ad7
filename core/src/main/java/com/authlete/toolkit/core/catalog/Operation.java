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
        ListShape list) {

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

    /**
     * Whether the response carries a newly generated client secret that is shown only once: the operations under
     * a {@code /client/secret/} path (refresh and update).
     */
    @JsonIgnore
    public boolean revealsNewSecret() {
        return path.contains("/client/secret/");
    }

    /** Path and query parameters, in that order. */
    @JsonIgnore
    public List<Field> parameters() {
        return Stream.concat(pathParameters.stream(), queryParameters.stream()).toList();
    }

    /**
     * Whether the command deletes or revokes something: its last word is {@code delete} or {@code revoke}, or
     * starts with {@code delete-} or {@code revoke-}.
     */
    @JsonIgnore
    public boolean isDestructive() {
        return isDestructiveVerb(words.get(words.size() - 1));
    }

    /** Whether a command's last word deletes or revokes something ({@code delete}, {@code revoke-client-tokens}). */
    public static boolean isDestructiveVerb(String verb) {
        return verb.equals("delete") || verb.equals("revoke") || verb.startsWith("delete-") || verb.startsWith("revoke-");
    }

    @JsonIgnore
    public List<Field> bodyFields() {
        return body == null ? List.of() : body.fields();
    }
}
