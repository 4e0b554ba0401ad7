package com.authlete.toolkit.credentials;

/** No link of the credential chain holds an API token. */
public final class MissingTokenException extends CredentialsException {

    public MissingTokenException() {
        super("no API token: run 'authlete auth login', pass --bearer or set " + CredentialChain.BEARER_ENV);
    }
}
