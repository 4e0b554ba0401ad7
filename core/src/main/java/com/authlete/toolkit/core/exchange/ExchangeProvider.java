package com.authlete.toolkit.core.exchange;

/**
 * Opens an {@link Exchange} for connection settings. The transport module provides one through
 * {@link java.util.ServiceLoader}, so that a program needs only the library jars on its class path.
 */
@FunctionalInterface
public interface ExchangeProvider {

    /** @throws IllegalArgumentException for settings that cannot work (plain http to a remote host, an unreadable CA file) */
    Exchange open(ConnectionSettings settings);
}
