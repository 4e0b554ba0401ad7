package com.authlete.toolkit.transport.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.conscrypt.OkHostnameVerifier;

/**
 * Whether a server's certificate is for the host the client asked for (RFC 2818/6125), the same check whichever TLS
 * implementation runs the handshake. An IP literal must be one of the certificate's IP addresses (compared as
 * addresses, so {@code ::1} matches however it was written); a name is matched against its DNS names by OkHttp's
 * strict verifier as Conscrypt ships it (pure Java: no native library needed), with a wildcard only as a whole
 * left-most label and no fallback to the common name.
 *
 * <p>Why not the JDK's own check (its PKIX trust manager's engine-aware call): it first loads the JDK's whole
 * {@code cacerts} to learn whether the chain ends at a public authority (about 20 ms of every cold HTTPS command,
 * measured in BENCHMARKS.md), and it validated the path a second time.
 */
final class ServerIdentity {

    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private ServerIdentity() {}

    /**
     * @param endpointIdentification the client's endpoint identification algorithm: the check is made for HTTPS and
     *     skipped when the client asked for none (null or empty), as the JDK does
     * @throws HostMismatchException when the certificate is not for {@code host}
     */
    static void check(X509Certificate certificate, String host, String endpointIdentification)
            throws CertificateException {
        if (endpointIdentification == null || endpointIdentification.isEmpty()) {
            return;
        }
        if (!endpointIdentification.equalsIgnoreCase("HTTPS")) {
            throw new CertificateException("unsupported endpoint identification: " + endpointIdentification);
        }
        if (host == null || host.isEmpty()) {
            throw new CertificateException("no host name to check the server's certificate against");
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress literal = ipLiteral(bare);
        boolean matches = literal != null
                ? hasAddress(certificate, literal)
                : OkHostnameVerifier.strictInstance().verify(bare, certificate);
        if (!matches) {
            throw new HostMismatchException(bare, names(certificate));
        }
    }

    private static boolean hasAddress(X509Certificate certificate, InetAddress wanted) throws CertificateException {
        for (List<?> name : alternativeNames(certificate)) {
            if (((Integer) name.get(0)) == IP_ADDRESS && wanted.equals(ipLiteral((String) name.get(1)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * An IPv4 or IPv6 literal as an address, or null when the text is not one. Only text that is a literal reaches
     * {@link InetAddress#getByName}, which then parses it without looking anything up.
     */
    private static InetAddress ipLiteral(String text) {
        boolean v6 = text.indexOf(':') >= 0;
        if (!v6 && !IPV4.matcher(text).matches()) {
            return null;
        }
        if (!v6) {
            for (String octet : text.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return null;
                }
            }
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException notALiteral) {
            return null;
        }
    }

    /** The certificate's DNS names and IP addresses, for the message. */
    private static String names(X509Certificate certificate) throws CertificateException {
        StringBuilder names = new StringBuilder();
        for (List<?> name : alternativeNames(certificate)) {
            int type = (Integer) name.get(0);
            if (type == DNS_NAME || type == IP_ADDRESS) {
                names.append(names.length() == 0 ? "" : ", ")
                        .append(String.valueOf(name.get(1)).toLowerCase(Locale.ROOT));
            }
        }
        return names.length() == 0 ? "none" : names.toString();
    }

    private static Collection<List<?>> alternativeNames(X509Certificate certificate) throws CertificateException {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            return names == null ? List.of() : names;
        } catch (CertificateParsingException e) {
            throw new CertificateException("cannot read the server certificate's names: " + e.getMessage(), e);
        }
    }
}
