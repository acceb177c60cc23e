package org.p2csync.ops;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who may press the page's buttons: a request from the bound host (a loopback address, or the address the server is
 * bound to), or one carrying the configured token ({@code Authorization: Bearer <token>} or a {@code token} form
 * field). A browser POST whose Origin is another site is refused either way, so a page elsewhere cannot press them
 * through a local browser.
 */
public final class PostGuard {
    /** Why a request was refused, for the 403 answer; empty when it may proceed. */
    public record Verdict(Optional<String> refusal) {
        static Verdict pass() {
            return new Verdict(Optional.empty());
        }

        static Verdict refused(String why) {
            return new Verdict(Optional.of(why));
        }

        public boolean allowed() {
            return refusal.isEmpty();
        }
    }

    private final Optional<InetAddress> boundHost;
    private final Optional<String> token;

    /** @param boundHost what the server binds to; a wildcard (0.0.0.0, ::) names no host of its own */
    public PostGuard(String boundHost, Optional<String> token) {
        this.boundHost = specific(boundHost);
        this.token = token;
    }

    /**
     * @param remote the client's address as the server saw it
     * @param origin the Origin header, if any
     * @param host host:port the browser addressed (the Host header); null when unknown
     * @param presented a token from the Authorization header or the form, if any
     */
    public Verdict check(String remote, String origin, String host, Optional<String> presented) {
        if (origin != null && (host == null || !sameHost(origin, host))) {
            return Verdict.refused("the request comes from the page of another site (" + origin + ")");
        }
        if (token.isPresent() && presented.isPresent() && equal(token.get(), presented.get())) {
            return Verdict.pass();
        }
        if (fromBoundHost(remote)) {
            return Verdict.pass();
        }
        return Verdict.refused(token.isPresent()
                ? "requests from " + remote + " need the token (p2c.http.token) as Authorization: Bearer or form field"
                : "only requests from the bound host are accepted; set p2c.http.token to allow others");
    }

    /** Whether the page should ask for the token: the viewer is not on the bound host and a token would let them. */
    public boolean asksForToken(String remote) {
        return token.isPresent() && !fromBoundHost(remote);
    }

    private boolean fromBoundHost(String remote) {
        try {
            InetAddress address = InetAddress.getByName(remote);
            return address.isLoopbackAddress() || boundHost.map(address::equals).orElse(false);
        } catch (UnknownHostException | RuntimeException e) {
            return false;
        }
    }

    private static boolean sameHost(String origin, String host) {
        try {
            URI uri = URI.create(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host.equalsIgnoreCase(authority);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean equal(String expected, String presented) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<InetAddress> specific(String host) {
        try {
            InetAddress address = InetAddress.getByName(host);
            return address.isAnyLocalAddress() ? Optional.empty() : Optional.of(address);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
