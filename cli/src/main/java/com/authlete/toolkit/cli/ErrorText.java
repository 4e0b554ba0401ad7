package com.authlete.toolkit.cli;

import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.core.ErrorCategory;
import com.authlete.toolkit.core.catalog.Field;
import com.authlete.toolkit.core.client.MissingTokenException;
import com.authlete.toolkit.core.request.InvalidInputException;
import com.authlete.toolkit.credentials.UnknownProfileException;

/** The library's failures in the CLI's words: inputs named by their flags, a missing token by the ways to give one. */
public final class ErrorText {

    private ErrorText() {}

    /** A profile that does not exist, with the command that creates it. */
    public static String of(UnknownProfileException e) {
        return e.getMessage() + "; create it with: authlete configure --profile " + e.profile();
    }

    public static String of(AuthleteException e) {
        if (e instanceof InvalidInputException input && input.field().isPresent()) {
            Field field = input.field().get();
            if (input.isMissing()) {
                return input.inBody()
                        ? "missing required body field '" + field.name() + "' (flag --" + field.flag() + ")"
                        : "missing required flag --" + field.flag();
            }
            return "--" + field.flag() + " " + input.problem().orElse("is not valid");
        }
        if (e instanceof MissingTokenException) {
            return "no API token: run 'authlete auth login', pass --bearer or set AUTHLETE_BEARER";
        }
        if (e.category() == ErrorCategory.CANCELLED) {
            return "cancelled; nothing was changed (--yes skips the question)";
        }
        return e.getMessage();
    }
}
