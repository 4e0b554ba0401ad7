package com.authlete.toolkit.transport;

import java.security.KeyManagementException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The TLS context of a plain-http transport. The JDK client insists on one and would otherwise initialise the
 * default (the TLS provider, its algorithms and the CA store: tens of milliseconds at start-up); this one only
 * answers that TLS is not available, should an https URL ever reach such a client.
 */
final class NoTls extends SSLContextSpi {

    static final SSLContext CONTEXT = new SSLContext(new NoTls(), null, "none") {};

    private NoTls() {}

    /** Empty parameters: given to the client so that it does not ask the context for its defaults. */
    static SSLParameters parameters() {
        return new SSLParameters(new String[0], new String[0]);
    }

    private static UnsupportedOperationException refused() {
        return new UnsupportedOperationException("this transport was built for plain http and cannot speak TLS");
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random) throws KeyManagementException {
        throw new KeyManagementException(refused());
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
        throw refused();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
        throw refused();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
        throw refused();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
        throw refused();
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
        throw refused();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
        throw refused();
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
        return parameters();
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
        return parameters();
    }
}
