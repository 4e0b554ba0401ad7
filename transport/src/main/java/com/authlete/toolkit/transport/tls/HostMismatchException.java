package com.authlete.toolkit.transport.tls;

import java.security.cert.CertificateException;

/** The server's certificate is for other hosts than the one the client asked for. */
public final class HostMismatchException extends CertificateException {

    private static final long serialVersionUID = 1L;

    private final String names;

    HostMismatchException(String host, String names) {
        super("No subject alternative name matching " + host + " (the certificate names " + names + ")");
        this.names = names;
    }

    /** The DNS names and IP addresses the certificate is for, comma-separated, or "none". */
    public String names() {
        return names;
    }
}
