package com.authlete.toolkit.transport.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A trust manager whose path validation is made by the JDK's PKIX manager it picks for a chain, and which, in the
 * engine-aware calls, also checks the server's name against the certificate ({@link ServerIdentity}): the endpoint
 * identification the HTTP client asks for, which JSSE leaves to an extended trust manager and which a native
 * provider would not do at all.
 */
abstract class EngineAwareTrustManager extends X509ExtendedTrustManager {

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("client certificates are not checked here");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    /** The path alone, to one of the trusted authorities, in date, for a server: each kind of manager says how. */
    @Override
    public abstract void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException;

    /** The path checked by one of the JDK's PKIX managers (that judges this chain, with the anchors it needs). */
    static void checkPath(X509ExtendedTrustManager pkix, X509Certificate[] chain, String authType)
            throws CertificateException {
        pkix.checkServerTrusted(chain, jdkName(authType));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkServerTrusted(chain, authType);
        if (socket instanceof SSLSocket tls) {
            SSLSession handshake = tls.getHandshakeSession();
            ServerIdentity.check(
                    chain[0],
                    handshake == null ? null : handshake.getPeerHost(),
                    tls.getSSLParameters().getEndpointIdentificationAlgorithm());
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkServerTrusted(chain, authType);
        if (engine != null) {
            ServerIdentity.check(
                    chain[0], engine.getPeerHost(), engine.getSSLParameters().getEndpointIdentificationAlgorithm());
        }
    }

    /**
     * TLS 1.3 has no key-exchange-bound authentication type: Conscrypt names it GENERIC, the JDK UNKNOWN, and the
     * JDK's checks know only their own name.
     */
    private static String jdkName(String authType) {
        return "GENERIC".equals(authType) ? "UNKNOWN" : authType;
    }
}
