package io.github.rejoinerbroadleaf.delivery;

import java.time.Duration;
import java.util.Random;

/**
 * Exponential backoff with "equal jitter": the n-th retry waits between half and all of
 * {@code min(max, initial * 2^(n-1))}. The jitter spreads the retries of a backlog that failed
 * together (a Rejoiner outage) so they don't return as one burst; keeping the lower half fixed
 * guarantees a minimum pause, unlike full jitter which may retry almost at once.
 *
 * <p>A server's {@code Retry-After} replaces the backoff: the row is due exactly that long after
 * the answer, bounded to at least {@link #MIN_RETRY_AFTER} (no hot loop on {@code Retry-After: 0})
 * and at most the maximum backoff (a bogus header cannot park a row for longer than a failure
 * would). The worker sees a due row at its next poll, so the retry happens up to one poll interval
 * later.
 */
public final class RetryPolicy {

    static final Duration MIN_RETRY_AFTER = Duration.ofSeconds(1);

    private final Duration initial;
    private final Duration max;
    private final Random random;

    /** @param random source of jitter; inject a seeded one in tests. Used from several threads. */
    public RetryPolicy(Duration initial, Duration max, Random random) {
        if (initial == null || max == null || random == null || initial.isNegative() || initial.isZero()
                || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max and a Random");
        }
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    public static RetryPolicy from(DeliverySettings settings) {
        return new RetryPolicy(settings.initialBackoff(), settings.maxBackoff(), new Random());
    }

    /**
     * @param attempt    the number of failed attempts so far, 1 after the first failure
     * @param retryAfter the server's Retry-After, or null
     * @return how long to wait before the next attempt
     */
    public Duration delay(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            if (retryAfter.compareTo(MIN_RETRY_AFTER) < 0) {
                return MIN_RETRY_AFTER.compareTo(max) > 0 ? max : MIN_RETRY_AFTER;
            }
            return retryAfter.compareTo(max) > 0 ? max : retryAfter;
        }
        long ceiling = ceilingMillis(Math.max(1, attempt));
        long half = ceiling / 2;
        long jitter;
        synchronized (random) { // java.util.Random is thread-safe, a seeded test sequence is only so when serialised
            jitter = half == 0 ? 0 : (long) (random.nextDouble() * (ceiling - half + 1));
        }
        return Duration.ofMillis(half + jitter);
    }

    private long ceilingMillis(int attempt) {
        long maxMillis = max.toMillis();
        long value = initial.toMillis();
        for (int i = 1; i < attempt && value < maxMillis; i++) {
            value *= 2;
        }
        return Math.min(value, maxMillis);
    }

    public Duration initial() {
        return initial;
    }

    public Duration max() {
        return max;
    }
}
