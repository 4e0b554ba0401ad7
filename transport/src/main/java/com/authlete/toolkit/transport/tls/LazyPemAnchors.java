package com.authlete.toolkit.transport.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.security.auth.x500.X500Principal;

/**
 * Trust anchors from PEM files (a CA bundle such as {@code SSL_CERT_FILE}, or {@code --ca-cert}), indexed by subject
 * when the files are read and turned into certificates only when a server's chain names them, as Go's crypto/x509
 * loads system roots. Parsing every certificate of a 150-certificate bundle costs a cold JVM a few hundred
 * milliseconds, and a command needs one or two of them. The check itself is the JDK's: a PKIX trust manager over the
 * anchors found, with hostname verification added by JSSE as for any trust manager.
 */
final class LazyPemAnchors extends EngineAwareTrustManager {

    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";

    private final String source;
    /** DER-encoded subject name -> DER-encoded certificates with that subject. */
    private final Map<ByteBuffer, List<byte[]>> bySubject;

    private LazyPemAnchors(String source, Map<ByteBuffer, List<byte[]>> bySubject) {
        this.source = source;
        this.bySubject = bySubject;
    }

    /** Reads and indexes the files; each must hold at least one PEM certificate. */
    static LazyPemAnchors read(List<Path> files) throws IOException {
        Map<ByteBuffer, List<byte[]>> index = new HashMap<>();
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            int count = 0;
            for (int begin = text.indexOf(BEGIN); begin >= 0; begin = text.indexOf(BEGIN, begin + BEGIN.length())) {
                int end = text.indexOf(END, begin);
                if (end < 0) {
                    throw new IOException(file + ": certificate " + (count + 1) + " has no END line");
                }
                byte[] der;
                try {
                    der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
                } catch (IllegalArgumentException e) {
                    throw new IOException(file + ": certificate " + (count + 1) + " is not valid base64", e);
                }
                byte[] subject = Der.subjectOf(der);
                if (subject == null) {
                    throw new IOException(file + ": certificate " + (count + 1) + " is not an X.509 certificate");
                }
                index.computeIfAbsent(ByteBuffer.wrap(subject), k -> new ArrayList<>(1))
                        .add(der);
                count++;
            }
            if (count == 0) {
                throw new IOException(file + " holds no PEM certificate");
            }
        }
        return new LazyPemAnchors(files.size() == 1 ? files.get(0).toString() : files.toString(), index);
    }

    int size() {
        return bySubject.values().stream().mapToInt(List::size).sum();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checkPath(managerFor(chain), chain, authType);
    }

    /** The JDK's PKIX manager over the anchors this chain names, built now. */
    private X509ExtendedTrustManager managerFor(X509Certificate[] chain) throws CertificateException {
        Set<byte[]> anchors = new LinkedHashSet<>();
        for (X509Certificate certificate : chain) {
            // The issuers of the chain's certificates, and a chain certificate that is itself an anchor.
            anchors.addAll(named(certificate.getIssuerX500Principal()));
            anchors.addAll(named(certificate.getSubjectX500Principal()));
        }
        if (anchors.isEmpty()) {
            throw new CertificateException(
                    "no certificate authority in " + source + " issued the server's certificate (issuer: "
                            + chain[chain.length - 1].getIssuerX500Principal().getName() + ")");
        }
        return pkix(anchors);
    }

    /** The anchors with this subject: by the exact encoding, else by name equality (another encoding of the same name). */
    private List<byte[]> named(X500Principal name) {
        List<byte[]> exact = bySubject.get(ByteBuffer.wrap(name.getEncoded()));
        if (exact != null) {
            return exact;
        }
        List<byte[]> found = new ArrayList<>();
        bySubject.forEach((subject, certificates) -> {
            try {
                if (new X500Principal(subject.array()).equals(name)) {
                    found.addAll(certificates);
                }
            } catch (IllegalArgumentException unreadable) {
                // Not a name this JDK reads: it cannot be the one wanted.
            }
        });
        return found;
    }

    private static X509ExtendedTrustManager pkix(Set<byte[]> anchors) throws CertificateException {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            int i = 0;
            for (byte[] der : anchors) {
                store.setCertificateEntry("anchor-" + i++, factory.generateCertificate(new ByteArrayInputStream(der)));
            }
            return TrustAnchors.manager(store);
        } catch (IOException | GeneralSecurityException e) {
            throw new CertificateException("cannot use the trusted certificates: " + e.getMessage(), e);
        }
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        // Asked by servers that request client certificates, not on the client side; built in full only then.
        List<X509Certificate> all = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (List<byte[]> certificates : bySubject.values()) {
                for (byte[] der : certificates) {
                    all.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
                }
            }
        } catch (CertificateException e) {
            return new X509Certificate[0];
        }
        return all.toArray(new X509Certificate[0]);
    }

    /** Just enough DER to find a certificate's subject without parsing the rest. */
    static final class Der {

        private Der() {}

        /**
         * The encoded subject name of a certificate (Certificate = SEQUENCE { tbsCertificate SEQUENCE { [0] version
         * OPTIONAL, serialNumber, signature, issuer, validity, subject, ... } ... }), or null when the bytes are not
         * shaped like one.
         */
        static byte[] subjectOf(byte[] der) {
            try {
                int[] certificate = header(der, 0);
                if (der[0] != 0x30) {
                    return null;
                }
                int position = certificate[0];
                if (der[position] != 0x30) {
                    return null;
                }
                position = header(der, position)[0]; // into tbsCertificate
                if ((der[position] & 0xff) == 0xa0) {
                    position = next(der, position); // version
                }
                for (int skip = 0; skip < 4; skip++) { // serialNumber, signature, issuer, validity
                    position = next(der, position);
                }
                if (der[position] != 0x30) {
                    return null;
                }
                int end = next(der, position);
                byte[] subject = new byte[end - position];
                System.arraycopy(der, position, subject, 0, subject.length);
                return subject;
            } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
                return null;
            }
        }

        /** {start of content, content length} of the element at {@code position}. */
        private static int[] header(byte[] der, int position) {
            int lengthByte = der[position + 1] & 0xff;
            if (lengthByte < 0x80) {
                return new int[] {position + 2, lengthByte};
            }
            int octets = lengthByte & 0x7f;
            if (octets == 0 || octets > 4) {
                throw new IllegalArgumentException("unsupported length");
            }
            int length = 0;
            for (int i = 0; i < octets; i++) {
                length = (length << 8) | (der[position + 2 + i] & 0xff);
            }
            if (length < 0 || position + 2 + octets + length > der.length) {
                throw new IllegalArgumentException("length beyond the data");
            }
            return new int[] {position + 2 + octets, length};
        }

        private static int next(byte[] der, int position) {
            int[] header = header(der, position);
            return header[0] + header[1];
        }
    }
}
