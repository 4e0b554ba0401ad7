package com.authlete.toolkit.transport.retry;

import com.authlete.toolkit.core.exchange.TransportResponse;
import com.authlete.toolkit.transport.ExchangeHook;
import com.authlete.toolkit.transport.TransportRequest;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import javax.net.ssl.SSLException;

/**
 * Retries an exchange on 429, 502, 503 and 504 and on connections that break (reset, closed before an
 * answer), with exponential backoff and jitter, honouring {@code Retry-After} (seconds or an HTTP date) up to a
 * cap. Only idempotent methods (GET, HEAD, PUT, DELETE, OPTIONS) are retried, unless POST is allowed too.
 * Timeouts, refused connections, unknown hosts and TLS failures are not retried: trying again at once rarely helps.
 */
public final class RetryHook implements ExchangeHook {

    /** Waits between attempts; tests replace it. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedIOException;
    }

    public static final Duration BASE_DELAY = Duration.ofMillis(500);
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(8);
    public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

    private static final Set<Integer> RETRY_STATUSES = Set.of(429, 502, 503, 504);
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

    private final int retries;
    private final boolean retryPost;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final Consumer<String> notes;

    public RetryHook(int retries, boolean retryPost, Sleeper sleeper, DoubleSupplier random, Consumer<String> notes) {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative");
        }
        this.retries = retries;
        this.retryPost = retryPost;
        this.sleeper = sleeper;
        this.random = random;
        this.notes = notes;
    }

    /** Real sleeping, real randomness, no notes. */
    public static RetryHook standard(int retries, boolean retryPost) {
        return new RetryHook(retries, retryPost, RetryHook::sleep, Math::random, note -> {});
    }

    public RetryHook withNotes(Consumer<String> consumer) {
        return new RetryHook(retries, retryPost, sleeper, random, consumer);
    }

    @Override
    public TransportResponse intercept(Chain chain) throws IOException {
        TransportRequest request = chain.request();
        boolean allowed = IDEMPOTENT.contains(request.method())
                || (retryPost && request.method().equals("POST"));
        for (int attempt = 0; ; attempt++) {
            boolean last = !allowed || attempt >= retries;
            TransportResponse response;
            try {
                response = chain.proceed(request);
            } catch (IOException e) {
                if (last || !isTransient(e)) {
                    throw e;
                }
                wait(backoff(attempt), attempt, e.getClass().getSimpleName());
                continue;
            }
            if (last || !RETRY_STATUSES.contains(response.status())) {
                return response;
            }
            Duration delay = retryAfter(response.header("Retry-After").orElse(null), Instant.now())
                    .orElse(backoff(attempt));
            response.close();
            wait(delay, attempt, "HTTP " + response.status());
        }
    }

    private void wait(Duration delay, int attempt, String why) throws InterruptedIOException {
        notes.accept("retrying after " + why + " in " + delay.toMillis() + " ms (retry " + (attempt + 1) + " of "
                + retries + ")");
        sleeper.sleep(delay);
    }

    static boolean isTransient(IOException e) {
        return !(e instanceof HttpTimeoutException
                || e instanceof ConnectException
                || e instanceof UnknownHostException
                || e instanceof SSLException
                || e instanceof InterruptedIOException);
    }

    /** Exponential: 0.5 s, 1 s, 2 s ... up to 8 s, each scaled by a random factor in [0.5, 1). */
    Duration backoff(int attempt) {
        long exponential = Math.min(MAX_BACKOFF.toMillis(), BASE_DELAY.toMillis() << Math.min(attempt, 20));
        return Duration.ofMillis((long) (exponential * (0.5 + random.getAsDouble() / 2)));
    }

    /** The delay a Retry-After header asks for, capped; empty when absent or unreadable. */
    public static Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        Duration delay;
        try {
            delay = Duration.ofSeconds(Long.parseLong(header.strip()));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant when = ZonedDateTime.parse(
                                header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT))
                        .toInstant();
                delay = Duration.between(now, when);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
        if (delay.isNegative()) {
            delay = Duration.ZERO;
        }
        return Optional.of(delay.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : delay);
    }

    private static void sleep(Duration duration) throws InterruptedIOException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }
}
