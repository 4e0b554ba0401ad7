package com.authlete.toolkit.core.request;

import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.core.ErrorCategory;
import com.authlete.toolkit.core.catalog.Field;
import java.util.Optional;

/**
 * The caller's input cannot make a valid request: a missing or malformed parameter, field or body. When one input is
 * at fault, {@link #field()} names it (its API name, and the catalog's flag for front ends that phrase it so) and
 * {@link #problem()} says what is wrong with it.
 */
public class InvalidInputException extends AuthleteException {

    private static final long serialVersionUID = 1L;

    private final transient Field field;
    private final String problem;
    private final boolean missing;
    private final boolean inBody;

    public InvalidInputException(String message) {
        this(message, null);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(ErrorCategory.BAD_INPUT, message, cause);
        this.field = null;
        this.problem = null;
        this.missing = false;
        this.inBody = false;
    }

    private InvalidInputException(Field field, boolean inBody, boolean missing, String problem) {
        super(
                ErrorCategory.BAD_INPUT,
                missing
                        ? "missing required " + (inBody ? "body field" : "parameter") + " '" + field.name() + "'"
                        : "'" + field.name() + "' " + problem,
                null);
        this.field = field;
        this.problem = problem;
        this.missing = missing;
        this.inBody = inBody;
    }

    /** A required parameter ({@code inBody} false) or body field that was not given. */
    public static InvalidInputException missing(Field field, boolean inBody) {
        return new InvalidInputException(field, inBody, true, "is required");
    }

    /** A value that does not fit its parameter or field; {@code problem} such as {@code expects an integer, got 'x'}. */
    public static InvalidInputException invalid(Field field, String problem) {
        return new InvalidInputException(field, false, false, problem);
    }

    /** The input at fault, with its API name and its command-line flag, when one is. */
    public Optional<Field> field() {
        return Optional.ofNullable(field);
    }

    @Override
    public Optional<String> parameter() {
        return field().map(Field::name);
    }

    @Override
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** Whether the fault is that a required input was not given at all. */
    public boolean isMissing() {
        return missing;
    }

    /** Whether the input at fault is a field of the request body (rather than a path or query parameter). */
    public boolean inBody() {
        return inBody;
    }
}
