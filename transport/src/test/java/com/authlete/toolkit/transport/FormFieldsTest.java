package com.authlete.toolkit.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FormFieldsTest {

    @Test
    void decodesInOrderWithTheFirstOfARepeatedNameAndEmptyValuesForBareNames() {
        assertThat(FormFields.parse("code=a%2Fb&state=x+y&&flag&code=second"))
                .containsExactly(Map.entry("code", "a/b"), Map.entry("state", "x y"), Map.entry("flag", ""));
        assertThat(FormFields.parse(null)).isEmpty();
    }
}
