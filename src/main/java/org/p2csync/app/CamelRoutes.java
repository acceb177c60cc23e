package org.p2csync.app;

import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.main.Main;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * The Camel application of a sync or a plan: the given components and beans in the registry, the routes of
 * routes/*.camel.yaml built from the one template, and the properties file for Camel's own keys. A sync and a plan
 * differ only in the beans they bind.
 */
final class CamelRoutes {
    private CamelRoutes() {}

    /**
     * Camel with the routes, not yet started (the operations server configures it before {@code main.start()}).
     *
     * @param scheduled false: the Quartz scheduler stays in standby, so the jobs exist but never fire and only
     *     {@link #poll} starts a run, which no scheduled run can overlap
     */
    static Main create(Settings settings, Map<String, Object> beans, boolean scheduled) {
        Main main = new Main();
        beans.forEach(main::bind);
        settings.configFile().ifPresent(f -> main.setPropertyPlaceholderLocations("file:" + f.toAbsolutePath()));
        main.addInitialProperty("camel.main.name", "p2c-sync");
        main.addInitialProperty("camel.main.routesIncludePattern",
                "classpath:camel-template/*.camel.yaml,file:" + settings.routesDir().toAbsolutePath()
                        + "/*.camel.yaml");
        main.addInitialProperty("camel.component.quartz.autoStartScheduler", String.valueOf(scheduled));
        return main;
    }

    /** The polling consumer that starts the runs of an area's route. */
    static ScheduledPollConsumer poller(CamelContext context, String area) {
        Route route = context.getRoute(area);
        if (route == null || !(route.getConsumer() instanceof ScheduledPollConsumer consumer)) {
            throw new ConfigurationException("route '" + area + "' does not start at a polling source endpoint");
        }
        return consumer;
    }
}
