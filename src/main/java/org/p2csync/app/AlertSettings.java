package org.p2csync.app;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.p2csync.state.AlertRule;

/**
 * The alert rules as configured: a default for every area ({@code p2c.alerts.max-failed}, {@code p2c.alerts.window}),
 * overrides per area ({@code p2c.alerts.<area>.max-failed}, {@code p2c.alerts.<area>.window}) and the webhook told
 * when a rule pauses an area ({@code p2c.alerts.webhook}).
 *
 * @param maxFailedByArea per-area overrides, by area name
 * @param windowByArea per-area overrides, by area name
 */
public record AlertSettings(int maxFailed, Duration window, Map<String, Integer> maxFailedByArea,
        Map<String, Duration> windowByArea, Optional<URI> webhook) {
    public AlertSettings {
        maxFailedByArea = Map.copyOf(maxFailedByArea);
        windowByArea = Map.copyOf(windowByArea);
    }

    /** Pause after 10 failed records within 15 minutes, no webhook. */
    public static AlertSettings defaults() {
        return new AlertSettings(AlertRule.DEFAULT_MAX_FAILED, AlertRule.DEFAULT_WINDOW, Map.of(), Map.of(),
                Optional.empty());
    }

    /**
     * The rule of each of these areas.
     *
     * @throws ConfigurationException naming a per-area key whose area is none of these (a misspelt area)
     */
    public List<AlertRule> rulesFor(Collection<String> areas) {
        TreeSet<String> configured = new TreeSet<>(maxFailedByArea.keySet());
        configured.addAll(windowByArea.keySet());
        for (String area : configured) {
            if (!areas.contains(area)) {
                String key = "p2c.alerts." + area + (maxFailedByArea.containsKey(area) ? ".max-failed" : ".window");
                throw new ConfigurationException(key + ": there is no area '" + area + "'; areas: "
                        + new TreeSet<>(areas));
            }
        }
        List<AlertRule> rules = new ArrayList<>();
        for (String area : areas) {
            rules.add(new AlertRule(area, maxFailedByArea.getOrDefault(area, maxFailed),
                    windowByArea.getOrDefault(area, window)));
        }
        return rules;
    }
}
