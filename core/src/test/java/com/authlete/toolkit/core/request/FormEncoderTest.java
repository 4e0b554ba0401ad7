package com.authlete.toolkit.core.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class FormEncoderTest {

    @Test
    void followsOpenApiFormDefaults() throws Exception {
        ObjectNode body = (ObjectNode) Json.parse(
                "{\"name\":\"a b&c=d\",\"list\":[\"x\",\"y z\"],\"obj\":{\"k\":[1,2]},\"n\":3,\"t\":true,\"skip\":null,"
                        + "\"objects\":[{\"a\":1},{\"b\":2}],\"utf\":\"é\"}",
                "test");

        assertThat(FormEncoder.encode(body))
                .isEqualTo("name=a+b%26c%3Dd"
                        + "&list=x&list=y+z"
                        + "&obj=%7B%22k%22%3A%5B1%2C2%5D%7D"
                        + "&n=3&t=true"
                        + "&objects=%7B%22a%22%3A1%7D&objects=%7B%22b%22%3A2%7D"
                        + "&utf=%C3%A9");
    }

    @Test
    void anEmptyObjectIsAnEmptyBody() throws Exception {
        assertThat(FormEncoder.encode((ObjectNode) Json.parse("{}", "test"))).isEmpty();
    }
}
