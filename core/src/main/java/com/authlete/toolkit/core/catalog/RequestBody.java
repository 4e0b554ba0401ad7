package com.authlete.toolkit.core.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The request body an operation accepts.
 *
 * @param contentTypes the media types the API accepts, in the order the API lists them
 * @param encoding     the one this command sends: {@code json} or {@code form}
 * @param required     whether the API requires a body
 * @param fields       the top-level fields of the body schema
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RequestBody(List<String> contentTypes, String encoding, boolean required, List<Field> fields) {

    public static final String JSON = "json";
    public static final String FORM = "form";

    public RequestBody {
        contentTypes = contentTypes == null ? List.of() : List.copyOf(contentTypes);
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public boolean isForm() {
        return FORM.equals(encoding);
    }

    public String mediaType() {
        return isForm() ? "application/x-www-form-urlencoded" : "application/json";
    }
}
