package com.authlete.toolkit.transport.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A trust manager whose checks are made by the JDK's PKIX manager it picks for a chain, engine-aware calls included:
 * that manager then also checks the server's name against the certificate (the endpoint identification the HTTP
 * client asks for), which a plain trust manager leaves to the JDK's TLS and a native provider might not do.
 */
abstract class EngineAwareTrustManager extends X509ExtendedTrustManager {

    /** The manager that judges this chain (the JDK's, with the anchors it needs loaded). */
    abstract X509ExtendedTrustManager delegate(X509Certificate[] chain, String authType) throws CertificateException;

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

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate(chain, jdkName(authType)).checkServerTrusted(chain, jdkName(authType));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        delegate(chain, jdkName(authType)).checkServerTrusted(chain, jdkName(authType), socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        delegate(chain, jdkName(authType)).checkServerTrusted(chain, jdkName(authType), engine);
    }

    /**
     * TLS 1.3 has no key-exchange-bound authentication type: Conscrypt names it GENERIC, the JDK UNKNOWN, and the
     * JDK's checks know only their own name.
     */
    private static String jdkName(String authType) {
        return "GENERIC".equals(authType) ? "UNKNOWN" : authType;
    }
}
