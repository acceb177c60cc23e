package org.p2csync.odata;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Whether two JSON values of one field mean the same, as a service reads back what was written: a value written as
 * {@code 10} may come back as {@code 10.0}, a date-time in another offset or precision, an empty text as null. Used to
 * tell the other side's edits from mere differences of spelling.
 */
final class FieldValues {
    private FieldValues() {}

    /**
     * True when both are empty (null, absent or empty text), both numbers of equal value (also a number and its
     * text), both date-times of the same instant (a plain date equals a date-time on that UTC day: services store
     * dates as date-times at various hours), or otherwise equal as text.
     */
    static boolean same(Object a, Object b) {
        boolean emptyA = isEmpty(a);
        boolean emptyB = isEmpty(b);
        if (emptyA || emptyB) {
            return emptyA && emptyB;
        }
        if (a instanceof Number || b instanceof Number) {
            Optional<BigDecimal> x = number(a);
            Optional<BigDecimal> y = number(b);
            if (x.isPresent() && y.isPresent()) {
                return x.get().compareTo(y.get()) == 0;
            }
        }
        String x = a.toString();
        String y = b.toString();
        if (x.equals(y)) {
            return true;
        }
        Optional<Instant> instantA = instant(x);
        Optional<Instant> instantB = instant(y);
        if (instantA.isPresent() && instantB.isPresent()) {
            return instantA.get().equals(instantB.get());
        }
        Optional<LocalDate> dateA = date(x);
        Optional<LocalDate> dateB = date(y);
        if (dateA.isPresent() && instantB.isPresent()) {
            return dateA.get().equals(LocalDate.ofInstant(instantB.get(), ZoneOffset.UTC));
        }
        if (dateB.isPresent() && instantA.isPresent()) {
            return dateB.get().equals(LocalDate.ofInstant(instantA.get(), ZoneOffset.UTC));
        }
        return false;
    }

    private static boolean isEmpty(Object value) {
        return value == null || (value instanceof CharSequence text && text.length() == 0);
    }

    private static Optional<BigDecimal> number(Object value) {
        if (value instanceof BigDecimal d) {
            return Optional.of(d);
        }
        try {
            return Optional.of(new BigDecimal(value.toString().strip()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    /** An ISO-8601 date-time with an offset (Z included); cheap rejection of anything not shaped like one. */
    private static Optional<Instant> instant(String text) {
        if (text.length() < 20 || text.charAt(10) != 'T') {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notADateTime) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> date(String text) {
        if (text.length() != 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
