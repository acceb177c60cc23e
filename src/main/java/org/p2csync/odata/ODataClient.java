package org.p2csync.odata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.p2csync.sync.FieldCatalog;
import org.p2csync.sync.RequestCounter;
import org.p2csync.sync.TargetRecord;

/**
 * Talks OData to one system (Dataverse or F&amp;O) over HTTP/1.1. One instance per system, shared by all threads:
 * they share its token and its throttle gate, because the service's limits are per caller identity. Every request
 * sent (token requests and retries included) is counted under (area, system).
 */
public final class ODataClient {
    /** The area that {@link #catalog()} requests are counted under: they belong to no run. */
    public static final String CATALOG_AREA = "metadata";
    /** Tries a page body gets to be valid JSON before it counts as malformed at the source. */
    public static final int MALFORMED_ATTEMPTS = 3;

    private final ServiceConfig config;
    private final RetryingSender sender;
    private final TokenSource tokens;
    private final PageParser pages = new PageParser();
    private final ObjectMapper json = new ObjectMapper();

    public ODataClient(ServiceConfig config, RequestCounter counter) {
        this.config = config;
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .build();
        this.sender = new RetryingSender(config.system(), http, config.retry(), new ThrottleGate(), counter);
        // the identity provider throttles independently of the service: its Retry-After must not pause the service
        this.tokens = new TokenSource(config,
                new RetryingSender(config.system(), http, config.retry(), new ThrottleGate(), counter),
                Clock.systemUTC());
    }

    public ServiceConfig config() {
        return config;
    }

    /** Reads one page. A body that is not valid JSON is retried a few times first: a flaky proxy can cut one off. */
    public Page readPage(String area, String entitySet, Query q) {
        return readPage(area, entitySet, q, MALFORMED_ATTEMPTS);
    }

    /**
     * Reads one page, giving a body that is not valid JSON at most {@code malformedAttempts} tries. Throttling, 5xx
     * and dropped connections still get the full retry policy.
     *
     * @throws MalformedPageException when every try gave a body that is not valid JSON
     */
    public Page readPage(String area, String entitySet, Query q, int malformedAttempts) {
        String query = q.toQueryString();
        URI uri = URI.create(config.baseUrl() + entitySet + (query.isEmpty() ? "" : "?" + query));
        return read(area, uri, "odata.maxpagesize=" + q.maxPageSize(), malformedAttempts);
    }

    /**
     * Reads one page of a Dataverse change-tracking read: the first page of a full read (entity set and $select,
     * asking for {@code Prefer: odata.track-changes}), a nextLink, or a stored deltaLink. The last page carries the
     * next deltaLink.
     *
     * @throws ODataException with status 410 when the service no longer knows the delta link's token
     */
    public Page readTracked(String area, String url, int pageSize) {
        return readTracked(area, url, pageSize, MALFORMED_ATTEMPTS);
    }

    /** As {@link #readTracked(String, String, int)}, giving a body that is not valid JSON at most that many tries. */
    public Page readTracked(String area, String url, int pageSize, int malformedAttempts) {
        return read(area, URI.create(url), "odata.track-changes,odata.maxpagesize=" + pageSize, malformedAttempts);
    }

    /** The base URL of the service, e.g. {@code https://org.crm.dynamics.com/api/data/v9.2/}. */
    public String baseUrl() {
        return config.baseUrl();
    }

    private Page read(String area, URI uri, String prefer, int malformedAttempts) {
        int[] malformed = {0};
        return call(area, () -> request(uri).GET().header("Prefer", prefer),
                response -> {
                    requireSuccess(response, "GET " + uri);
                    try {
                        return pages.parse(response.body());
                    } catch (JsonProcessingException e) {
                        String at = e.getLocation() == null ? "" : " at " + e.getLocation().offsetDescription();
                        if (++malformed[0] >= malformedAttempts) {
                            throw new MalformedPageException("GET " + uri, e.getOriginalMessage() + at, e);
                        }
                        throw new RetryingSender.TransientResponseException(e.getOriginalMessage() + at, e);
                    }
                });
    }

    /** The entity sets and their properties, from $metadata. */
    public FieldCatalog catalog() {
        URI uri = URI.create(config.baseUrl() + "$metadata");
        return call(CATALOG_AREA, () -> request(uri).GET().header("Accept", "application/xml"), response -> {
            requireSuccess(response, "GET " + uri);
            try {
                return new MetadataParser().parse(response.body());
            } catch (MetadataParser.InvalidMetadataException e) {
                throw new ODataException("$metadata of " + config.system() + " at " + uri + ": " + e.getMessage(),
                        response.statusCode(), e);
            }
        });
    }

    /**
     * Upserts records by key (PATCH entitySet(key)) in $batch requests with continue-on-error, so each record gets
     * its own result. F&amp;O answers PATCH of a missing record with 404 instead of creating it, so there such records
     * are sent again as POST to the entity set. Records answered with a transient status (429/5xx inside the batch)
     * are sent again, without their neighbours, under the retry policy; if they stay transient their last status is
     * returned. Results are in the records' order. Records with operation DELETE are sent as DELETE by key; a 404
     * answer means already gone and counts as success.
     *
     * @throws ODataException when a $batch request as a whole fails for good
     */
    public List<WriteResult> upsert(String area, String entitySet, List<TargetRecord> records) {
        List<WriteResult> results = new ArrayList<>(Collections.nCopies(records.size(), (WriteResult) null));
        Set<Integer> creates = new HashSet<>();
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            pending.add(i);
        }
        RetryPolicy policy = config.retry();
        int attempt = 1;
        while (!pending.isEmpty()) {
            BatchRequest batch = new BatchRequest();
            for (int index : pending) {
                TargetRecord record = records.get(index);
                batch.add(record.operation() == TargetRecord.Operation.DELETE
                        ? new BatchRequest.Operation("DELETE",
                                config.baseUrl() + entitySet + KeyPredicate.of(record.key(), config.dialect()), null)
                        : creates.contains(index)
                        ? new BatchRequest.Operation("POST", config.baseUrl() + entitySet, toJson(record))
                        : new BatchRequest.Operation("PATCH",
                                config.baseUrl() + entitySet + KeyPredicate.of(record.key(), config.dialect()),
                                toJson(record)));
            }
            List<BatchResponse.Part> parts = executeBatch(area, batch);
            List<Integer> transientOnes = new ArrayList<>();
            List<Integer> missing = new ArrayList<>();
            for (int p = 0; p < pending.size(); p++) {
                int index = pending.get(p);
                // a service that stopped early answers fewer parts; the unanswered were not applied
                BatchResponse.Part part = p < parts.size() ? parts.get(p) : new BatchResponse.Part(null, 503,
                        "no response for this request in the $batch", null);
                boolean delete = records.get(index).operation() == TargetRecord.Operation.DELETE;
                if (delete && part.status() == 404) {
                    // already gone is what a delete wants
                    results.set(index, new WriteResult(204, ""));
                    continue;
                }
                results.set(index, new WriteResult(part.status(), part.isSuccess() ? "" : part.errorMessage()));
                if (RetryPolicy.isTransient(part.status())) {
                    transientOnes.add(index);
                    RetryAfter.deadline(Optional.ofNullable(part.retryAfter()), Instant.now())
                            .ifPresent(sender::holdUntil);
                } else if (!delete && part.status() == 404 && config.dialect() == Dialect.FNO && creates.add(index)) {
                    missing.add(index);
                }
            }
            boolean retryTransient = !transientOnes.isEmpty() && attempt < policy.maxAttempts();
            if (retryTransient) {
                sender.pause(policy.backoff(attempt), "retrying " + transientOnes.size() + " transient record(s) of "
                        + entitySet + ", attempt " + attempt + "/" + policy.maxAttempts());
                attempt++;
            }
            pending = new ArrayList<>(missing);
            if (retryTransient) {
                pending.addAll(transientOnes);
            }
        }
        return results;
    }

    /** Sends a $batch with continue-on-error and returns one part per operation, change sets flattened. */
    public List<BatchResponse.Part> executeBatch(String area, BatchRequest batch) {
        URI uri = URI.create(config.baseUrl() + "$batch");
        byte[] body = batch.body();
        return call(area, () -> request(uri)
                        .header("Content-Type", batch.contentType())
                        .header("Prefer", "odata.continue-on-error")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                response -> {
                    requireSuccess(response, "POST " + uri);
                    return BatchResponse.parse(response.headers().firstValue("Content-Type").orElse(null),
                            response.body().readAllBytes());
                });
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(config.requestTimeout())
                .header("OData-Version", "4.0")
                .header("OData-MaxVersion", "4.0")
                .header("Accept", "application/json");
    }

    /** Sends with a bearer token; after a 401, renews the token once and sends once more. */
    private <T> T call(String area, Supplier<HttpRequest.Builder> builder, RetryingSender.ResponseCheck<T> check) {
        AtomicReference<String> used = new AtomicReference<>();
        Supplier<HttpRequest> authorized = () -> {
            used.set(tokens.token(area));
            return builder.get().header("Authorization", "Bearer " + used.get()).build();
        };
        try {
            return sender.send(area, authorized, response -> {
                if (response.statusCode() == 401) {
                    throw new Unauthorized();
                }
                return check.accept(response);
            });
        } catch (Unauthorized expired) {
            tokens.invalidate(used.get());
            return sender.send(area, authorized, check);
        }
    }

    private void requireSuccess(HttpResponse<InputStream> response, String request) throws IOException {
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            String message = new BatchResponse.Part(null, status, RetryingSender.text(response), null).errorMessage();
            throw new ODataException(config.system() + " " + request + " failed: " + status + " " + message, status);
        }
    }

    private String toJson(TargetRecord record) {
        try {
            return json.writeValueAsString(record.payload());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("record " + record.keyString() + " cannot be written as JSON", e);
        }
    }

    /** Signals a rejected token from inside the retry loop; carries no stack, it is control flow. */
    private static final class Unauthorized extends RuntimeException {
        Unauthorized() {
            super(null, null, false, false);
        }
    }
}
