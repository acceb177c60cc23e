package org.p2csync.odata;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.p2csync.sync.RequestCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends HTTP requests to one system: counts every attempt, waits at the system's throttle gate, and retries
 * transient failures (429, 5xx gateway/availability statuses, I/O errors) under the retry policy. A response whose
 * body the caller cannot use may be declared transient too (see {@link ResponseCheck}).
 */
final class RetryingSender {
    private static final Logger LOG = LoggerFactory.getLogger(RetryingSender.class);

    /**
     * Turns a non-transient response into the caller's result, reading the body as it streams in. An IOException
     * (the connection broke mid-body) or a {@link TransientResponseException} (e.g. truncated JSON from a flaky
     * proxy) has the request retried.
     */
    @FunctionalInterface
    interface ResponseCheck<T> {
        T accept(HttpResponse<InputStream> response) throws IOException;
    }

    /** Thrown by a {@link ResponseCheck} when the response is unusable but a retry may fix it. */
    static final class TransientResponseException extends RuntimeException {
        TransientResponseException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final String system;
    private final HttpClient http;
    private final RetryPolicy policy;
    private final ThrottleGate gate;
    private final RequestCounter counter;

    RetryingSender(String system, HttpClient http, RetryPolicy policy, ThrottleGate gate, RequestCounter counter) {
        this.system = system;
        this.http = http;
        this.policy = policy;
        this.gate = gate;
        this.counter = counter;
    }

    /**
     * Sends until a response is not transient, or attempts run out.
     *
     * @param request builds the request for each attempt (so a renewed token or a fresh body is picked up)
     * @throws ODataException when attempts run out; naming the request, the last status or error and the attempts
     */
    <T> T send(String area, Supplier<HttpRequest> request, ResponseCheck<T> check) {
        String lastProblem = null;
        Throwable lastError = null;
        int lastStatus = 0;
        HttpRequest built = null;
        for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
            Duration wait;
            try {
                gate.awaitClearance();
                built = request.get();
                counter.increment(area, system);
                HttpResponse<InputStream> response = http.send(built, HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    if (!RetryPolicy.isTransient(response.statusCode())) {
                        return check.accept(response);
                    }
                }
                lastStatus = response.statusCode();
                if (lastStatus == 429) {
                    counter.throttled(area, system);
                }
                lastProblem = "HTTP " + lastStatus;
                lastError = null;
                wait = policy.backoff(attempt);
                Optional<Instant> retryAfter =
                        RetryAfter.deadline(response.headers().firstValue("Retry-After"), Instant.now());
                if (retryAfter.isPresent()) {
                    gate.holdUntil(retryAfter.get());
                    Duration floor = Duration.between(Instant.now(), retryAfter.get());
                    wait = floor.compareTo(wait) > 0 ? floor : wait;
                }
            } catch (IOException | TransientResponseException e) {
                lastStatus = 0;
                lastProblem = e.getClass().getSimpleName() + ": " + e.getMessage();
                lastError = e;
                wait = policy.backoff(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ODataException("interrupted while talking to " + system, 0, e);
            }
            if (attempt < policy.maxAttempts()) {
                LOG.info("{} {} {} failed ({}), attempt {}/{}; retrying in {} ms", system, built.method(),
                        built.uri().getPath(), lastProblem, attempt, policy.maxAttempts(), wait.toMillis());
                counter.retried(area, system);
                sleep(wait);
            }
        }
        throw new ODataException("gave up on " + system + " " + (built == null ? "request" : built.method() + " "
                + built.uri()) + " after " + policy.maxAttempts() + " attempts; last: " + lastProblem,
                lastStatus, lastError);
    }

    /** The whole body as UTF-8 text, for error messages and small documents. */
    static String text(HttpResponse<InputStream> response) throws IOException {
        return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** Holds back every request to this system until the deadline (a Retry-After seen outside this sender). */
    void holdUntil(Instant deadline) {
        gate.holdUntil(deadline);
    }

    /** Waits before a retry the caller drives itself (the transient parts of a $batch), logging and counting it. */
    void pause(String area, Duration wait, String why) {
        LOG.info("{}: {} in {} ms", system, why, wait.toMillis());
        counter.retried(area, system);
        sleep(wait);
    }

    /** Counts a transient answer the caller saw itself (a $batch part), as {@link #send} counts its own. */
    void transientAnswer(String area, int status) {
        if (status == 429) {
            counter.throttled(area, system);
        }
    }

    private void sleep(Duration wait) {
        try {
            Thread.sleep(Math.max(0, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ODataException("interrupted while waiting to retry " + system, 0, e);
        }
    }
}
