package com.authlete.toolkit.transport;

import com.authlete.toolkit.transport.retry.RetryHook;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Reaches RetryHook's header parsing from this package's tests. */
final class RetryHookAccess {

    private RetryHookAccess() {}

    static Optional<Duration> retryAfter(String header, Instant now) {
        return RetryHook.retryAfter(header, now);
    }
}
