package com.authlete.toolkit.transport.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Once installed, the signature checks the JDK's path validation asks for by algorithm name are Conscrypt's, take the
 * JDK's own keys, accept what the JDK signed and refuse what was altered; every other service stays the JDK's.
 */
class NativeSignaturesTest {

    @AfterEach
    void jdkSignatures() {
        TestProviders.reset();
    }

    @ParameterizedTest
    @CsvSource({"SHA256withECDSA, EC, secp256r1", "SHA384withECDSA, EC, secp384r1", "SHA256withRSA, RSA, "})
    void signatureChecksAreNativeAndAgreeWithTheJdk(String algorithm, String keyKind, String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(keyKind);
        if (curve != null) {
            generator.initialize(new ECGenParameterSpec(curve));
        } else {
            generator.initialize(2048);
        }
        KeyPair keys = generator.generateKeyPair();
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(keys.getPrivate());
        byte[] message = "the certificate's to-be-signed bytes".getBytes(StandardCharsets.UTF_8);
        signer.update(message);
        byte[] signature = signer.sign();

        Provider conscrypt = TlsProviders.forEnvironment(Map.of());
        assertThat(conscrypt)
                .as("Conscrypt's native library loads on this platform")
                .isNotNull();
        NativeSignatures.install(conscrypt);
        NativeSignatures.install(conscrypt);
        assertThat(Security.getProviders()[0].getName()).isEqualTo(NativeSignatures.NAME);
        assertThat(Security.getProviders())
                .filteredOn(provider -> provider.getName().equals(NativeSignatures.NAME))
                .as("installed once")
                .hasSize(1);

        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(keys.getPublic());
        verifier.update(message);
        assertThat(verifier.getProvider().getName()).isEqualTo(NativeSignatures.NAME);
        assertThat(verifier.verify(signature)).isTrue();

        byte[] altered = message.clone();
        altered[0] ^= 1;
        verifier.initVerify(keys.getPublic());
        verifier.update(altered);
        assertThat(verifier.verify(signature)).isFalse();

        assertThat(MessageDigest.getInstance("SHA-256").getProvider().getName())
                .as("only signatures are taken over")
                .isNotEqualTo(NativeSignatures.NAME);
    }
}
