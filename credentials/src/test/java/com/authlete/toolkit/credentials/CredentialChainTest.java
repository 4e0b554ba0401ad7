package com.authlete.toolkit.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialChainTest {

    @Test
    void flagWinsOverEnvironment() {
        CredentialChain chain = new CredentialChain(Map.of("AUTHLETE_BEARER", "from-env-1234"));
        assertThat(chain.resolve("from-flag-5678")).contains(new ResolvedToken("from-flag-5678", "--bearer"));
        assertThat(chain.resolve(null)).contains(new ResolvedToken("from-env-1234", "AUTHLETE_BEARER"));
        assertThat(chain.resolve("  ")).contains(new ResolvedToken("from-env-1234", "AUTHLETE_BEARER"));
    }

    @Test
    void nothingFoundIsEmpty() {
        assertThat(new CredentialChain(Map.of("AUTHLETE_BEARER", "")).resolve(null)).isEmpty();
    }

    @Test
    void toStringNeverShowsTheToken() {
        ResolvedToken token = new ResolvedToken("secret-token-abcd", "--bearer");
        assertThat(token.toString()).doesNotContain("secret-token").contains("****abcd");
        assertThat(new ResolvedToken("short", "x").masked()).isEqualTo("****");
    }
}
