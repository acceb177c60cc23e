package org.p2csync.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Which failures the sandbox injects into data requests, as rates between 0 and 1 per request.
 *
 * @param latency a fixed extra delay added to every data request
 * @param malformed rate at which a collection GET's JSON body is cut off mid-way
 */
public record FaultSpec(double throttle, double serverError, double reset, Duration latency, double malformed) {
    private static final String FORM = "valid form: 429=0.05,500=0.02,reset=0.01,latency=20ms,malformed=0.01"
            + " (rates 0..1, latency in ms or s, every part optional)";

    public static final FaultSpec NONE = new FaultSpec(0, 0, 0, Duration.ZERO, 0);

    public FaultSpec {
        checkRate("429", throttle);
        checkRate("500", serverError);
        checkRate("reset", reset);
        checkRate("malformed", malformed);
        if (latency == null || latency.isNegative()) {
            throw new IllegalArgumentException("latency must be >= 0, was " + latency);
        }
    }

    /** Parses {@code 429=0.05,500=0.02,reset=0.01,latency=20ms,malformed=0.01}; blank or "none" means no faults. */
    public static FaultSpec parse(String spec) {
        if (spec == null || spec.isBlank() || spec.trim().equalsIgnoreCase("none")) {
            return NONE;
        }
        double throttle = 0, serverError = 0, reset = 0, malformed = 0;
        Duration latency = Duration.ZERO;
        for (String raw : spec.split(",")) {
            String part = raw.trim();
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("bad fault '" + part + "' in '" + spec + "'; " + FORM);
            }
            String name = part.substring(0, eq).trim().toLowerCase();
            String value = part.substring(eq + 1).trim();
            switch (name) {
                case "429" -> throttle = rate(part, value, spec);
                case "500" -> serverError = rate(part, value, spec);
                case "reset" -> reset = rate(part, value, spec);
                case "malformed" -> malformed = rate(part, value, spec);
                case "latency" -> latency = duration(part, value, spec);
                default -> throw new IllegalArgumentException(
                        "unknown fault '" + name + "' in '" + spec + "'; " + FORM);
            }
        }
        return new FaultSpec(throttle, serverError, reset, latency, malformed);
    }

    public boolean isNone() {
        return throttle == 0 && serverError == 0 && reset == 0 && malformed == 0 && latency.isZero();
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (throttle > 0) parts.add("429=" + throttle);
        if (serverError > 0) parts.add("500=" + serverError);
        if (reset > 0) parts.add("reset=" + reset);
        if (!latency.isZero()) parts.add("latency=" + latency.toMillis() + "ms");
        if (malformed > 0) parts.add("malformed=" + malformed);
        return parts.isEmpty() ? "none" : String.join(",", parts);
    }

    private static double rate(String part, String value, String spec) {
        try {
            double r = Double.parseDouble(value);
            if (r >= 0 && r <= 1) {
                return r;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the valid form
        }
        throw new IllegalArgumentException("bad rate in '" + part + "' of '" + spec + "'; " + FORM);
    }

    private static Duration duration(String part, String value, String spec) {
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2).trim()));
            }
            if (value.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1).trim()) * 1000));
            }
        } catch (NumberFormatException ignored) {
            // reported below with the valid form
        }
        throw new IllegalArgumentException("bad latency in '" + part + "' of '" + spec + "'; " + FORM);
    }

    private static void checkRate(String name, double r) {
        if (!(r >= 0 && r <= 1)) {
            throw new IllegalArgumentException(name + " rate must be within 0..1, was " + r);
        }
    }
}
