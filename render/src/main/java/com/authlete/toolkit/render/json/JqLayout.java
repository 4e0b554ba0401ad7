package com.authlete.toolkit.render.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;

/**
 * JSON laid out as jq lays it out for a person: two spaces per level, {@code "key": value}, every array element on a
 * line of its own, and {@code []} and {@code {}} for empty ones (Jackson's own layout puts arrays on one line and
 * writes {@code "key" : value} and {@code [ ]}).
 */
final class JqLayout extends DefaultPrettyPrinter {

    private static final long serialVersionUID = 1L;
    private static final DefaultIndenter TWO_SPACES = new DefaultIndenter("  ", "\n");

    JqLayout() {
        super(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withRootSeparator(""));
        indentArraysWith(TWO_SPACES);
        indentObjectsWith(TWO_SPACES);
    }

    private JqLayout(JqLayout base) {
        super(base);
    }

    @Override
    public DefaultPrettyPrinter createInstance() {
        return new JqLayout(this);
    }

    @Override
    public void writeEndArray(JsonGenerator generator, int values) throws IOException {
        if (!_arrayIndenter.isInline()) {
            --_nesting;
        }
        if (values > 0) {
            _arrayIndenter.writeIndentation(generator, _nesting);
        }
        generator.writeRaw(']');
    }

    @Override
    public void writeEndObject(JsonGenerator generator, int entries) throws IOException {
        if (!_objectIndenter.isInline()) {
            --_nesting;
        }
        if (entries > 0) {
            _objectIndenter.writeIndentation(generator, _nesting);
        }
        generator.writeRaw('}');
    }
}
