package org.p2csync.state;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The alert rules of the configuration, stored in the state database so that every instance (and `status`, the
 * status page) applies and shows the same ones. The sync stores its configured rules at start.
 */
public interface AlertRules {
    /** Stores these rules, replacing the areas' earlier ones; other areas' rules stay. */
    void store(Collection<AlertRule> rules);

    Optional<AlertRule> rule(String area);

    /** Every stored rule, by area name. */
    List<AlertRule> all();
}
