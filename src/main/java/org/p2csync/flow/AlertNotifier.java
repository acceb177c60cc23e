package org.p2csync.flow;

/** Told when an alert rule has paused an area (the configured webhook, say). Must not throw. */
@FunctionalInterface
public interface AlertNotifier {
    AlertNotifier NONE = alert -> {};

    void fired(AreaAlert alert);
}
