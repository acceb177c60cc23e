package org.p2csync.odata;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads a Retry-After header, which HTTP allows as delta-seconds or as an HTTP-date. */
final class RetryAfter {
    private RetryAfter() {}

    static Optional<Instant> deadline(Optional<String> header, Instant now) {
        return header.map(String::trim).flatMap(value -> {
            try {
                return Optional.of(now.plus(Duration.ofSeconds(Long.parseLong(value))));
            } catch (NumberFormatException notSeconds) {
                try {
                    return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                } catch (DateTimeParseException notADate) {
                    return Optional.empty();
                }
            }
        });
    }
}
