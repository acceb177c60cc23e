package org.p2csync.app;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.main.Main;
import org.p2csync.flow.RunLedger;
import org.p2csync.ops.AreaHealthCheck;
import org.p2csync.ops.PostGuard;
import org.p2csync.ops.PauseAction;
import org.p2csync.ops.ResumeAction;
import org.p2csync.ops.RetryAction;
import org.p2csync.ops.SchedulePeriod;
import org.p2csync.ops.StatusPageRoutes;
import org.p2csync.ops.SyncMetrics;
import org.p2csync.state.AreaPause;
import org.p2csync.state.PausedBy;
import org.p2csync.state.StateStore;
import org.p2csync.sync.PausedAreas;
import org.p2csync.sync.RequestCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations HTTP server of a running sync, built from Camel's own pieces: camel-platform-http-main serves the
 * status page, and its management server, on the same port, Camel's health checks at /observe/health (one per area)
 * and camel-micrometer-prometheus at /observe/metrics.
 */
final class OperationsServer {
    private static final Logger LOG = LoggerFactory.getLogger(OperationsServer.class);

    private final HttpSettings http;
    private final int port;
    private final StateStore state;
    private final PausedAreas pausedByRule;
    private final SyncMetrics metrics;
    private final List<String> areas = new CopyOnWriteArrayList<>();
    private final Instant started;

    private OperationsServer(HttpSettings http, int port, StateStore state, PausedAreas pausedByRule, SyncMetrics metrics) {
        this.http = http;
        this.port = port;
        this.state = state;
        this.pausedByRule = pausedByRule;
        this.metrics = metrics;
        this.started = Instant.now();
    }

    /** Configures Camel to serve; call before {@code main.start()}. */
    static OperationsServer configure(Main main, HttpSettings http, StateStore state, RequestCounter requests,
            RunLedger ledger) {
        // the page shows every pause in force; an area is DOWN for its health check when a rule paused it
        PausedAreas pauses = area -> state.pauses().current(area).map(AreaPause::describe);
        PausedAreas byRule = area -> state.pauses().current(area).filter(p -> p.by() == PausedBy.RULE)
                .map(AreaPause::describe);
        int port = http.port() == 0 ? freePort(http.host()) : requireFree(http.host(), http.port());
        for (String server : List.of("camel.server.", "camel.management.")) {
            main.addInitialProperty(server + "enabled", "true");
            main.addInitialProperty(server + "host", http.host());
            main.addInitialProperty(server + "port", String.valueOf(port));
        }
        main.addInitialProperty("camel.management.healthCheckEnabled", "true");
        main.addInitialProperty("camel.management.metricsEnabled", "true");
        main.addInitialProperty("camel.management.infoEnabled", "false");
        main.addInitialProperty("camel.metrics.enabled", "true");
        // every check with its details, not only the DOWN ones: an operator wants to see each area's last run
        main.addInitialProperty("camel.health.exposureLevel", "full");
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        main.bind("metricsRegistry", registry); // camel-micrometer-prometheus serves this one
        SyncMetrics metrics = new SyncMetrics(registry, Clock.systemUTC());
        metrics.bindRequests(requests);
        ledger.addListener(metrics);
        OperationsServer server = new OperationsServer(http, port, state, byRule, metrics);
        main.configure().addRoutesBuilder(new StatusPageRoutes(state, () -> List.copyOf(server.areas), pauses,
                List.of(new RetryAction(state.failedRecordRetry()), new PauseAction(state.pauses()),
                        new ResumeAction(state.pauses())), new PostGuard(http.host(), http.token()),
                Clock.systemUTC()));
        return server;
    }

    /** Registers the per-area checks and gauges once the routes run; call after {@code main.start()}. */
    void started(CamelContext context, List<String> routed) {
        areas.addAll(routed);
        HealthCheckRegistry checks = HealthCheckRegistry.get(context);
        for (String area : routed) {
            Route route = context.getRoute(area);
            checks.register(new AreaHealthCheck(area, state.runs(), pausedByRule,
                    SchedulePeriod.of(route.getConsumer()), started, Clock.systemUTC()));
        }
        metrics.bindAreas(routed, state);
        LOG.info("status page at {}, health at {}observe/health, metrics at {}observe/metrics{}", url(), url(), url(),
                http.token().isPresent() ? "; buttons accept the token from other hosts" : "");
    }

    /** Where the server answers, e.g. http://127.0.0.1:8080/. */
    URI url() {
        String host = http.host().contains(":") ? "[" + http.host() + "]" : http.host();
        return URI.create("http://" + host + ":" + port + "/");
    }

    /** Says which setting to change before Camel would fail with a bare "address already in use". */
    private static int requireFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return port;
        } catch (IOException e) {
            throw new ConfigurationException("p2c.http.port=" + port + " on p2c.http.host=" + host + ": cannot listen ("
                    + e.getMessage() + "; another p2c-sync?): set p2c.http.port to a free port, 0 for any, or"
                    + " p2c.http.enabled=false", e);
        }
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("p2c.http.port=0: no free port on " + host + ": " + e.getMessage(), e);
        }
    }
}
