package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.p2csync.app.Endpoints;
import org.p2csync.app.Settings;
import org.p2csync.app.SettingsLoader;
import org.p2csync.app.SyncRuntime;
import org.p2csync.flow.RunSummary;
import org.p2csync.sandbox.Sandbox;

/**
 * A continuous sync of some shipped areas, as `sync` without --once runs it, but on a one-second schedule so a test
 * sees several runs quickly; with its operations HTTP server on a free port. Every finished run is queued for the test.
 */
final class ContinuousSync implements AutoCloseable {
    static final String EVERY_SECOND = "0/1 * * * * ?";

    private final SyncFixture fixture;
    private final BlockingQueue<RunSummary> finished = new LinkedBlockingQueue<>();
    /** Released by the test: a held run's thread waits here, so the area's next run cannot start meanwhile. */
    private final Semaphore released = new Semaphore(0);
    private volatile Predicate<RunSummary> hold = r -> false;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private SyncRuntime runtime;

    /** Routes of the named shipped areas, rescheduled every second, their mappings, and a free HTTP port. */
    ContinuousSync(Sandbox sandbox, Path dir, Map<String, String> extra, String... areas) throws IOException {
        Path mappings = SyncFixture.shippedMappings(dir.resolve("mappings"), areas);
        Path routes = Files.createDirectories(dir.resolve("routes"));
        for (String area : areas) {
            String route = Files.readString(Path.of("routes", area + ".camel.yaml"));
            String fast = route.replaceAll("value: \"[^\"]*\\?\"", "value: \"" + EVERY_SECOND + "\"");
            assertThat(fast).as("the route of " + area + " names its schedule").contains(EVERY_SECOND);
            Files.writeString(routes.resolve(area + ".camel.yaml"), fast);
        }
        Map<String, String> props = new LinkedHashMap<>(Map.of("p2c.mappings", mappings.toString(),
                "p2c.routes", routes.toString(), "p2c.http.port", "0"));
        props.putAll(extra);
        this.fixture = new SyncFixture(sandbox, dir, props);
    }

    SyncFixture fixture() {
        return fixture;
    }

    /** Starts (or, after {@link #stop}, starts again) the sync as `sync` would, with the config as it is now. */
    ContinuousSync start() throws Exception {
        Settings settings = SettingsLoader.fromEnvironment().load(Optional.of(fixture.config()));
        runtime = SyncRuntime.start(settings, new Endpoints(settings.crm().orElseThrow(), settings.erp().orElseThrow()),
                true, List.of(this::finished));
        return this;
    }

    private void finished(RunSummary run) {
        finished.add(run);
        if (hold.test(run)) {
            hold = r -> false;
            released.acquireUninterruptibly();
        }
    }

    /**
     * Holds the area's next matching run in its last step (its history is written, its listeners are told), so that
     * the test sees the state that run left before another run of the area can change it; until {@link #release}.
     * Set before doing what makes the run happen.
     */
    void hold(String area, Predicate<RunSummary> match) {
        hold = r -> r.area().equals(area) && match.test(r);
    }

    void release() {
        released.release();
    }

    SyncRuntime runtime() {
        return runtime;
    }

    URI url(String path) {
        return runtime.httpUrl().orElseThrow().resolve(path);
    }

    /** Waits for the next finished run of the area that matches; runs before it are passed over. */
    RunSummary awaitRun(String area, Predicate<RunSummary> match, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<RunSummary> seen = new ArrayList<>();
        while (Instant.now().isBefore(deadline)) {
            RunSummary run = finished.poll(100, TimeUnit.MILLISECONDS);
            if (run == null) {
                continue;
            }
            seen.add(run);
            if (run.area().equals(area) && match.test(run)) {
                return run;
            }
        }
        throw new AssertionError("no matching run of " + area + " within " + timeout + "; runs seen: "
                + seen.stream().map(RunSummary::describe).toList());
    }

    /** GET over real HTTP: status and body. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** POST over real HTTP with the given headers (name, value, ...). */
    HttpResponse<String> post(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    void stop() {
        hold = r -> false;
        released.release(); // a run still held would keep Camel from stopping
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
