package com.authlete.toolkit.cli.app;

import com.authlete.toolkit.cli.ExitCode;
import com.authlete.toolkit.json.JsonTrees;
import com.authlete.toolkit.transport.ApiException;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error as one line of JSON, for scripts: {@code {"error":{"code":5,"status":404,"resultCode":"A001202",
 * "message":"..."}}}, where code is the exit code, status the HTTP status (null when there was no answer)
 * and resultCode the API's own code when it gave one.
 */
final class ErrorJson {

    private ErrorJson() {}

    static String of(ExitCode code, String message, Throwable cause) {
        ObjectNode error = JsonTrees.NODES.objectNode();
        ObjectNode body = error.putObject("error");
        body.put("code", code.status());
        if (cause instanceof ApiException api) {
            body.put("status", api.status());
            api.resultCode().ifPresent(resultCode -> body.put("resultCode", resultCode));
        } else {
            body.putNull("status");
        }
        body.put("message", message);
        return JsonTrees.text(error);
    }
}
