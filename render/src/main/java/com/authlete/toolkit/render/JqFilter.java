package com.authlete.toolkit.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/** A jq program (the language of jq 1.6, through jackson-jq), compiled once and applied to many values. */
public final class JqFilter {

    private final JsonQuery query;
    private final Scope scope;

    private JqFilter(JsonQuery query, Scope scope) {
        this.query = query;
        this.scope = scope;
    }

    /** @throws IllegalArgumentException with jq's message when the program does not compile */
    public static JqFilter compile(String program) {
        try {
            Scope root = Scope.newEmptyScope();
            BuiltinFunctionLoader.getInstance().loadFunctions(Versions.JQ_1_6, root);
            return new JqFilter(JsonQuery.compile(program, Versions.JQ_1_6), Scope.newChildScope(root));
        } catch (JsonQueryException e) {
            throw new IllegalArgumentException("invalid jq program: " + e.getMessage(), e);
        }
    }

    /** All results of the program on one input; a runtime error (such as indexing a string) is thrown as is. */
    public List<JsonNode> apply(JsonNode input) throws JsonQueryException {
        List<JsonNode> results = new ArrayList<>();
        query.apply(scope, input, results::add);
        return results;
    }
}
