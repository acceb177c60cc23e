package org.p2csync.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;

/**
 * The field operations, each compiled once into a {@link Step}. Text operations leave non-text values alone;
 * conversions leave empty values empty, so {@code default} and {@code required} decide what empty means.
 */
final class Steps {
    private Steps() {}

    /** The target types {@code type:} converts to. */
    enum Type {
        STRING, INTEGER, DECIMAL, BOOLEAN
    }

    static Step trim() {
        return v -> v instanceof String s ? s.strip() : v;
    }

    static Step upper() {
        return v -> v instanceof String s ? s.toUpperCase(Locale.ROOT) : v;
    }

    static Step lower() {
        return v -> v instanceof String s ? s.toLowerCase(Locale.ROOT) : v;
    }

    static Step valueMap(ValueMap table, String origin) {
        return v -> table.translate(v, origin);
    }

    /** An empty source becomes {@code literal}, skipping {@code otherwise} (case, value map): it is already final. */
    static Step blankOr(Object literal, List<Step> otherwise) {
        List<Step> chain = List.copyOf(otherwise);
        return v -> {
            if (Values.isEmpty(v)) {
                return literal;
            }
            for (Step s : chain) {
                v = s.apply(v);
            }
            return v;
        };
    }

    /**
     * A Dataverse {@code @odata.bind} reference to the record the value identifies: by {@code keyField} (alternate
     * key) or, when that is null, by primary id. Empty stays empty: an unset lookup is written as null.
     */
    static Step bind(String entitySet, String keyField, String origin) {
        return v -> {
            if (Values.isEmpty(v)) {
                return null;
            }
            try {
                return org.p2csync.sync.BindReference.of(entitySet, keyField, Values.text(v));
            } catch (IllegalArgumentException e) {
                throw new FieldFailure("value of " + origin + ": " + e.getMessage());
            }
        };
    }

    static Step defaultTo(Object literal) {
        return v -> Values.isEmpty(v) ? literal : v;
    }

    static Step required(String origin) {
        return v -> {
            if (Values.isEmpty(v)) {
                throw new FieldFailure("required, but " + origin + " is empty");
            }
            return v;
        };
    }

    /** Rounds HALF_UP to {@code scale} decimals. */
    static Step number(int scale, String origin) {
        return v -> {
            BigDecimal d = decimal(v, origin);
            return d == null ? null : d.setScale(scale, RoundingMode.HALF_UP);
        };
    }

    /** Reads ISO-8601 (offset date-time, local date-time or date) and writes {@code format}. */
    static Step date(DateTimeFormatter format, String origin) {
        return v -> {
            if (Values.isEmpty(v)) {
                return null;
            }
            String text = v.toString().strip();
            try {
                return format.format(parseIso(text));
            } catch (DateTimeException e) {
                throw new FieldFailure(origin + " " + Values.show(v) + " is not an ISO-8601 date or does not fit the"
                        + " date format (" + e.getMessage() + ")");
            }
        };
    }

    private static TemporalAccessor parseIso(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text);
            } catch (DateTimeParseException notLocal) {
                return LocalDate.parse(text);
            }
        }
    }

    static Step type(Type type, String origin) {
        return switch (type) {
            case STRING -> v -> v == null || v instanceof String ? v : plain(v);
            case DECIMAL -> v -> decimal(v, origin);
            case INTEGER -> v -> {
                BigDecimal d = decimal(v, origin);
                if (d == null) {
                    return null;
                }
                try {
                    return d.stripTrailingZeros().longValueExact();
                } catch (ArithmeticException e) {
                    throw new FieldFailure(origin + " " + Values.show(v) + " is not a whole number");
                }
            };
            case BOOLEAN -> v -> toBoolean(v, origin);
        };
    }

    /**
     * A name-based (version 3) GUID of {@code prefix + value}: the same value always gives the same GUID, so a record
     * created in the target with it can be referenced by its lines in the same change set, and a create repeated
     * after a crash addresses the same record. Empty stays empty.
     */
    static Step guid(String prefix) {
        return v -> v == null || String.valueOf(v).isBlank()
                ? v
                : java.util.UUID.nameUUIDFromBytes((prefix + v).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .toString();
    }

    /** Cuts text to at most {@code max} UTF-16 units (the way target MaxLengths count) without splitting a pair. */
    static Step truncate(int max) {
        return v -> {
            if (!(v instanceof String s) || s.length() <= max) {
                return v;
            }
            int end = max;
            if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
                end--;
            }
            return s.substring(0, end);
        };
    }

    private static Object plain(Object v) {
        BigDecimal d = Values.decimal(v);
        return d != null ? d.toPlainString() : v.toString();
    }

    private static BigDecimal decimal(Object v, String origin) {
        if (Values.isEmpty(v)) {
            return null;
        }
        BigDecimal d = Values.decimal(v);
        if (d != null) {
            return d;
        }
        try {
            return new BigDecimal(v.toString().strip());
        } catch (NumberFormatException e) {
            throw new FieldFailure(origin + " " + Values.show(v) + " is not a number");
        }
    }

    private static Boolean toBoolean(Object v, String origin) {
        if (Values.isEmpty(v)) {
            return null;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String text = Values.text(v).strip().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> throw new FieldFailure(origin + " " + Values.show(v) + " is not true/false");
        };
    }
}
