package com.authlete.toolkit.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NoTlsTest {

    @Test
    void thePlainHttpContextRefusesToSpeakTls() {
        assertThatThrownBy(() -> NoTls.CONTEXT.createSSLEngine("example.com", 443))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("plain http");
        assertThatThrownBy(NoTls.CONTEXT::getSocketFactory).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void itsParametersEnableNoProtocol() {
        assertThat(NoTls.CONTEXT.getDefaultSSLParameters().getProtocols()).isEmpty();
        assertThat(NoTls.parameters().getCipherSuites()).isEmpty();
    }
}
