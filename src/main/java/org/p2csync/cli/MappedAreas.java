package org.p2csync.cli;

import java.util.List;
import org.p2csync.app.AreaOrder;
import org.p2csync.app.ConfigurationException;
import org.p2csync.app.Settings;

/** The areas a state command acts on: the one asked for, which must be mapped, or every mapped area. */
final class MappedAreas {
    private MappedAreas() {}

    /** @param asked null: every area of the mappings folder, in dependency order */
    static List<String> chosen(Settings settings, String asked) {
        List<String> mapped = AreaOrder.sort(StatusCommand.mappedAreas(settings.mappingsDir()));
        if (asked == null) {
            return mapped;
        }
        if (!mapped.contains(asked)) {
            throw new ConfigurationException("--area " + asked + ": unknown area; mapped areas: " + mapped);
        }
        return List.of(asked);
    }
}
