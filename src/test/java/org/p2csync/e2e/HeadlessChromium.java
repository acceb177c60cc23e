package org.p2csync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's headless Chromium driven through its DevTools protocol over a WebSocket (java.net.http): open a page, read
 * what it shows, click, take a screenshot. Just what a test of a server-rendered page needs.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(20);

    private final Process process;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    private HeadlessChromium(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    /** The binary: -Dp2c.chromium, else chromium or chromium-browser on the PATH. */
    static Optional<Path> binary() {
        String configured = System.getProperty("p2c.chromium", System.getenv("P2C_CHROMIUM"));
        if (configured != null) {
            return Optional.of(Path.of(configured));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    static HeadlessChromium start(Path profile, int width, int height) throws Exception {
        Path binary = binary().orElseThrow(() -> new IllegalStateException("no Chromium found: install Debian's"
                + " package (apt-get install -y chromium, as .ci/run does) or point -Dp2c.chromium at the binary"));
        Process process = new ProcessBuilder(binary.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height, "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            URI browser = URI.create(listeningOn(process));
            HttpClient http = HttpClient.newHttpClient();
            URI list = URI.create("http://" + browser.getAuthority() + "/json/list");
            String page = null;
            Instant deadline = Instant.now().plusSeconds(10);
            while (page == null && Instant.now().isBefore(deadline)) {
                for (JsonNode target : JSON.readTree(http.send(HttpRequest.newBuilder(list).build(),
                        HttpResponse.BodyHandlers.ofString()).body())) {
                    if ("page".equals(target.path("type").asText())) {
                        page = target.get("webSocketDebuggerUrl").asText();
                    }
                }
                if (page == null) {
                    Thread.sleep(100);
                }
            }
            if (page == null) {
                throw new IllegalStateException("Chromium opened no page target");
            }
            Listener listener = new Listener();
            WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(page), listener).get(10, TimeUnit.SECONDS);
            HeadlessChromium chromium = new HeadlessChromium(process, socket);
            listener.owner = chromium;
            chromium.send("Page.enable", Map.of());
            chromium.send("Runtime.enable", Map.of());
            return chromium;
        } catch (Exception | Error e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** Opens the address and waits until the document has loaded. */
    void open(URI url) throws Exception {
        send("Page.navigate", Map.of("url", url.toString()));
        awaitTrue("document.readyState === 'complete' && location.href.startsWith('" + url.resolve("/") + "')",
                Duration.ofSeconds(15));
    }

    /** The value of a JavaScript expression in the page. */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("page script failed: " + expression + ": " + result.get("exceptionDetails"));
        }
        return result.get("result").path("value");
    }

    /** What a person sees of the element (innerText: closed details and hidden parts left out). */
    String text(String selector) throws Exception {
        JsonNode value = evaluate("(() => { const e = document.querySelector(" + JSON.writeValueAsString(selector)
                + "); return e ? e.innerText : null; })()");
        if (value.isNull() || value.isMissingNode()) {
            throw new AssertionError("no element " + selector + " on the page: " + evaluate("document.body.innerText"));
        }
        return value.asText();
    }

    /** Clicks the element as a person would (a real mouse event, so forms submit and details open). */
    void click(String selector) throws Exception {
        JsonNode box = evaluate("(() => { const e = document.querySelector(" + JSON.writeValueAsString(selector)
                + "); if (!e) return null; e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
                + " return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()");
        if (box.isNull() || box.isMissingNode()) {
            throw new AssertionError("nothing to click at " + selector + ": " + evaluate("document.body.innerText"));
        }
        for (String type : List.of("mousePressed", "mouseReleased")) {
            send("Input.dispatchMouseEvent", Map.of("type", type, "x", box.get("x").asDouble(), "y",
                    box.get("y").asDouble(), "button", "left", "clickCount", 1));
        }
    }

    void awaitTrue(String predicate, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (holds(predicate)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not true within " + timeout + ": " + predicate + "; page shows: "
                + evaluate("document.body ? document.body.innerText : ''"));
    }

    /** Whether the predicate holds now; false while a navigation leaves no document to ask. */
    boolean holds(String predicate) throws Exception {
        try {
            return evaluate("!!(" + predicate + ")").asBoolean();
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** Sets the viewport, e.g. a phone's width. */
    void viewport(int width, int height, boolean mobile) throws Exception {
        send("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1,
                "mobile", mobile));
    }

    /** A PNG of the whole page, as tall as its content. */
    void screenshot(Path file, int width) throws Exception {
        int height = evaluate("Math.ceil(document.documentElement.scrollHeight)").asInt();
        viewport(width, height, false);
        JsonNode shot = send("Page.captureScreenshot", Map.of("format", "png"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
    }

    private JsonNode send(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        answers.put(id, answer);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
        JsonNode reply = answer.get(ANSWER_WAIT.toSeconds(), TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new IllegalStateException(method + " failed: " + reply.get("error"));
        }
        return reply.path("result");
    }

    private void received(String text) {
        try {
            JsonNode message = JSON.readTree(text);
            if (message.has("id")) {
                CompletableFuture<JsonNode> answer = answers.remove(message.get("id").asInt());
                if (answer != null) {
                    answer.complete(message);
                }
            }
        } catch (IOException e) {
            answers.values().forEach(a -> a.completeExceptionally(e));
        }
    }

    /** Reads Chromium's stderr until it names its DevTools address; keeps draining it so it never blocks. */
    private static String listeningOn(Process process) throws Exception {
        CompletableFuture<String> address = new CompletableFuture<>();
        List<String> seen = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(
                    new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = err.readLine()) != null) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        address.complete(m.group(1));
                    } else if (!address.isDone()) {
                        seen.add(line);
                    }
                }
            } catch (IOException e) {
                address.completeExceptionally(e);
            }
            address.completeExceptionally(new IllegalStateException("Chromium ended before listening: " + seen));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        return address.get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        try {
            socket.abort();
        } finally {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** Joins a message's frames (large answers such as screenshots come in parts). */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private volatile HeadlessChromium owner;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                if (owner != null) {
                    owner.received(message);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
