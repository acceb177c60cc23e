package org.p2csync.ops;

import io.vertx.core.net.SocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpConstants;
import org.p2csync.state.AreaStatus;
import org.p2csync.state.StateStore;
import org.p2csync.sync.PausedAreas;

/**
 * The status page ({@code GET /}) and its buttons ({@code POST /areas/<area>/<action>}) as platform-http routes on
 * the server that also answers {@code /observe/health} and {@code /observe/metrics}. A button's answer is a redirect
 * back to the area's section, which shows what was done: reloading the page repeats nothing.
 */
public final class StatusPageRoutes extends RouteBuilder {
    /** How much of each list an area's section shows. */
    static final AreaStatus.Limits SHOWN = new AreaStatus.Limits(5, 20, 10, 10, 5);

    private final StateStore state;
    private final Supplier<List<String>> areas;
    private final PausedAreas pauses;
    private final List<AreaAction> actions;
    private final PostGuard guard;
    private final Clock clock;
    private final Map<String, String> lastAction = new ConcurrentHashMap<>();

    /** @param areas the areas with a route, in dependency order (known once Camel has started) */
    public StatusPageRoutes(StateStore state, Supplier<List<String>> areas, PausedAreas pauses,
            List<AreaAction> actions, PostGuard guard, Clock clock) {
        this.state = state;
        this.areas = areas;
        this.pauses = pauses;
        this.actions = List.copyOf(actions);
        this.guard = guard;
        this.clock = clock;
    }

    @Override
    public void configure() {
        from("platform-http:/?httpMethodRestrict=GET").routeId("p2c-status-page").process(this::page);
        from("platform-http:/areas/{p2cArea}/{p2cAction}?httpMethodRestrict=POST").routeId("p2c-status-action")
                .process(this::act);
    }

    private void page(Exchange exchange) {
        boolean askToken = guard.asksForToken(remote(exchange.getIn()));
        List<StatusPage.AreaView> views = areas.get().stream().map(area -> {
            AreaStatus status = AreaStatus.read(state, area, SHOWN);
            return new StatusPage.AreaView(status, pauses.pausedBecause(area),
                    actions.stream().filter(a -> a.offeredFor(status)).toList(),
                    Optional.ofNullable(lastAction.get(area)));
        }).toList();
        Message out = exchange.getMessage();
        out.setHeader(Exchange.CONTENT_TYPE, "text/html; charset=utf-8");
        out.setHeader("Cache-Control", "no-store");
        out.setBody(StatusPage.render(views, askToken, clock.instant()));
    }

    private void act(Exchange exchange) {
        Message in = exchange.getIn();
        String area = in.getHeader("p2cArea", String.class);
        String name = in.getHeader("p2cAction", String.class);
        PostGuard.Verdict verdict = guard.check(remote(in), in.getHeader("Origin", String.class),
                addressed(in), presentedToken(in));
        Message out = exchange.getMessage();
        out.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
        if (!verdict.allowed()) {
            answer(out, 403, "refused: " + verdict.refusal().orElseThrow() + "\n");
            return;
        }
        if (!areas.get().contains(area)) {
            answer(out, 404, "unknown area '" + area + "'; areas with a route: " + areas.get() + "\n");
            return;
        }
        Optional<AreaAction> action = actions.stream().filter(a -> a.name().equals(name)).findFirst();
        if (action.isEmpty()) {
            answer(out, 404, "unknown action '" + name + "'; actions: "
                    + actions.stream().map(AreaAction::name).toList() + "\n");
            return;
        }
        String done = action.get().perform(area);
        log.info("status page: {} of area {} from {}: {}", name, area, remote(in), done);
        lastAction.put(area, clock.instant().truncatedTo(ChronoUnit.SECONDS) + " " + action.get().label() + ": "
                + done);
        out.setHeader("Location", "/#area-" + area);
        answer(out, 303, done + "\n");
    }

    private static void answer(Message out, int status, String text) {
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setBody(text);
    }

    private static Optional<String> presentedToken(Message in) {
        String authorization = in.getHeader("Authorization", String.class);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(authorization.substring(7).strip());
        }
        return Optional.ofNullable(in.getHeader("token", String.class)).filter(t -> !t.isBlank());
    }

    /** host:port the client addressed, from the request URL (Camel's header filter drops the Host header itself). */
    private static String addressed(Message in) {
        try {
            URI url = URI.create(in.getHeader(Exchange.HTTP_URL, String.class));
            return url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String remote(Message in) {
        Object address = in.getHeader(VertxPlatformHttpConstants.REMOTE_ADDRESS);
        return address instanceof SocketAddress socket ? socket.hostAddress() : String.valueOf(address);
    }
}
