package com.authlete.toolkit.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormFieldsTest {

    @Test
    void decodesInOrderWithTheFirstOfARepeatedNameAndEmptyValuesForBareNames() {
        assertThat(FormFields.parse("code=a%2Fb&state=x+y&&flag&code=second"))
                .containsExactly(java.util.Map.entry("code", "a/b"), java.util.Map.entry("state", "x y"), java.util.Map.entry("flag", ""));
        assertThat(FormFields.parse(null)).isEmpty();
    }
}
