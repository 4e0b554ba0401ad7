package com.authlete.toolkit.cli.app;

import com.authlete.toolkit.core.catalog.Field;
import com.authlete.toolkit.core.catalog.Operation;
import java.util.ArrayList;
import java.util.List;

/**
 * The main id as a word after the command ({@code authlete client get 1140735077}): taken as the flag of the
 * operation's one required path parameter besides the service id. A command with none, or with more than one,
 * leaves the word alone (the parser then says it is unexpected).
 */
final class PositionalId {

    private PositionalId() {}

    static List<String> asFlag(Operation operation, List<String> rest) {
        List<Field> ids = operation.pathParameters().stream()
                .filter(Field::required)
                .filter(field -> !field.name().equals("serviceId"))
                .toList();
        if (ids.size() != 1
                || rest.stream().anyMatch(arg -> arg.equals("--" + ids.get(0).flag()))) {
            return rest;
        }
        List<String> rewritten = new ArrayList<>(List.of("--" + ids.get(0).flag(), rest.get(0)));
        rewritten.addAll(rest.subList(1, rest.size()));
        return rewritten;
    }
}
