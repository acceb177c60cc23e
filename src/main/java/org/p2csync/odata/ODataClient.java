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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.p2csync.sync.EntitySetInfo;
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
    /** A request of a $batch the service gave no answer for: it was not executed. */
    private static final String NO_RESPONSE = "no response for this request in the $batch";

    private final ServiceConfig config;
    private final RetryingSender sender;
    private final TokenSource tokens;
    private final PageParser pages = new PageParser();
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicReference<FieldCatalog> knownCatalog = new AtomicReference<>();
    private static final FieldCatalog NO_CATALOG = set -> Optional.empty();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ODataClient.class);

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
        return read(area, url(entitySet, q), q.maxPageSize(), false, malformedAttempts);
    }

    /** Reads the page a previous page's {@code @odata.nextLink} points to (same page size preference). */
    public Page readNextLink(String area, String nextLink, int maxPageSize) {
        return read(area, nextLink, maxPageSize, false, MALFORMED_ATTEMPTS);
    }

    /**
     * Reads the page at a URL (a query's, or a link the service gave), with {@code Prefer: odata.maxpagesize} and,
     * for a change-tracking read, {@code odata.track-changes}; a body that is not valid JSON gets at most
     * {@code malformedAttempts} tries. Throttling, 5xx and dropped connections still get the full retry policy.
     *
     * @throws MalformedPageException when every try gave a body that is not valid JSON
     */
    public Page read(String area, String url, int pageSize, boolean tracked, int malformedAttempts) {
        String prefer = (tracked ? "odata.track-changes," : "") + "odata.maxpagesize=" + pageSize;
        return read(area, URI.create(url), prefer, malformedAttempts);
    }

    /** The URL of a query against an entity set of this service. */
    public String url(String entitySet, Query q) {
        String query = q.toQueryString();
        return config.baseUrl() + entitySet + (query.isEmpty() ? "" : "?" + query);
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

    /** The entity sets and their properties, from $metadata (read anew; the last one read is kept, see below). */
    public FieldCatalog catalog() {
        FieldCatalog read = readCatalog();
        knownCatalog.set(read);
        return read;
    }

    /**
     * The field types of an entity set for literals in queries, from the $metadata last read (the one the mappings
     * were checked against at start; read now if none was). A service whose $metadata cannot be read gives
     * {@link LiteralTypes#NONE}: literals then follow their values' shapes, as before.
     */
    LiteralTypes literalTypes(String entitySet) {
        return knownCatalog().fields(entitySet).map(LiteralTypes::new).orElse(LiteralTypes.NONE);
    }

    /**
     * The entity set's keys, fields and navigation from the $metadata last read (read now if none was), or empty when
     * the service has no such set or its $metadata cannot be read.
     */
    Optional<EntitySetInfo> entitySetInfo(String entitySet) {
        return knownCatalog().entitySet(entitySet);
    }

    private FieldCatalog knownCatalog() {
        FieldCatalog known = knownCatalog.get();
        if (known == null) {
            try {
                known = catalog();
            } catch (RuntimeException e) {
                LOG.warn("{}: cannot read $metadata for typed query literals and entity keys ({}); literals follow"
                        + " their values", config.system(), e.getMessage());
                knownCatalog.compareAndSet(null, NO_CATALOG);
                return NO_CATALOG;
            }
        }
        return known;
    }

    private FieldCatalog readCatalog() {
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
     * its own result. A record with lines (a document) goes as one change set, header then lines, which the service
     * applies all or nothing: its result is the change set's, naming the header or line that was rejected. A document's
     * line DELETE answered 404 (already gone) is dropped and the document sent again. A record
     * (or line) whose {@code entitySet} is set goes to that set, else to {@code entitySet}. F&amp;O answers PATCH of a
     * missing record with 404 instead of creating it, so there such records are sent again as POST to the entity set
     * (for a document whose header is missing: header and lines); a record the engine never wrote
     * ({@link TargetRecord#neverWritten}) is sent as POST at once, a document with its lines, so a new record costs
     * one request, not a PATCH answered 404 and then a POST. A create refused for good is sent once more as PATCH
     * before it fails: the record may be there after all (created by other means, or a $batch sent again because its
     * answer was lost has its applied creates refused as duplicates); found, the record is updated, not found (404),
     * the create's refusal is the result. Records with
     * operation UPDATE are sent as PATCH
     * with {@code If-Match: *} (their lines as upserts): a 404 for such a header fails the record as not existing,
     * never falling back to POST. Records with operation DELETE are sent as DELETE by
     * key; a 404 answer means already gone and counts as success. Records answered with a transient status (429/5xx
     * inside the batch) are sent again, without their neighbours, under the retry policy; if they stay transient their
     * last status is returned. Records the $batch gave no answer for were not executed (Dataverse stops at a failed
     * change set even with continue-on-error): they are sent again at once, without pause and outside the retry
     * policy's attempts, since every round answers at least one record more; only a $batch answered with no part at
     * all counts as a transient failure of each. Dataverse: a record or bind whose key value cannot travel in a URL
     * ({@code / < > * % & : \ ? + #}) is addressed by its id, found by $filter first ({@link ByIdAddressing}); others
     * cost no extra request. Results are in the records' order.
     *
     * @throws ODataException when a $batch request as a whole fails for good
     */
    public List<WriteResult> upsert(String area, String entitySet, List<TargetRecord> records) {
        // Dataverse: records and binds whose key values cannot travel in a URL go by id (ByIdAddressing)
        ByIdAddressing.Prepared prepared = config.dialect() == Dialect.DATAVERSE
                ? new ByIdAddressing(this, area).prepare(entitySet, records)
                : new ByIdAddressing.Prepared(records, Map.of());
        // a document may be resent without a line delete the target answered 404 to: the records as now sent
        List<TargetRecord> current = new ArrayList<>(prepared.records());
        List<WriteResult> results = new ArrayList<>(Collections.nCopies(records.size(), (WriteResult) null));
        Map<Integer, Set<Integer>> creates = new HashMap<>();
        // creates refused for good, with that answer, while a PATCH checks whether the record is there after all
        Map<Integer, WriteResult> refusedCreates = new HashMap<>();
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (prepared.settled().containsKey(i)) {
                results.set(i, prepared.settled().get(i));
                continue;
            }
            pending.add(i);
            if (createsFirst(current.get(i))) {
                creates.put(i, newMembers(current.get(i)));
            }
        }
        RetryPolicy policy = config.retry();
        int attempt = 1;
        while (!pending.isEmpty()) {
            BatchRequest batch = new BatchRequest();
            for (int index : pending) {
                TargetRecord record = current.get(index);
                List<BatchRequest.Operation> ops =
                        operations(record, entitySet, creates.getOrDefault(index, Set.of()));
                if (record.lines().isEmpty()) {
                    batch.add(ops.get(0));
                } else {
                    batch.addChangeSet(ops);
                }
            }
            List<BatchResponse.Part> parts = executeBatch(area, batch);
            List<Integer> transientOnes = new ArrayList<>();
            List<Integer> missing = new ArrayList<>();
            List<Integer> unanswered = new ArrayList<>();
            int next = 0;
            int firstContentId = 1;
            for (int index : pending) {
                TargetRecord record = current.get(index);
                int members = 1 + record.lines().size();
                Answer answer = answer(parts, next, members, firstContentId);
                next += answer.partsUsed();
                firstContentId += members;
                if (answer.partsUsed() == 0) {
                    // the service stopped before it (Dataverse stops at a failed change set): not executed
                    unanswered.add(index);
                    continue;
                }
                BatchResponse.Part part = answer.part();
                String message = part.isSuccess() ? ""
                        : (members > 1 ? member(record, answer.member(), entitySet) + ": " : "") + part.errorMessage();
                TargetRecord failedLine = answer.member() > 0 ? record.lines().get(answer.member() - 1) : null;
                if (failedLine != null && failedLine.operation() == TargetRecord.Operation.DELETE
                        && part.status() == 404) {
                    // a line gone from the source is gone from the target too (deleted there as well): the change
                    // set failed only for that, so the document goes again without the delete
                    current.set(index, record.withoutLine(answer.member() - 1));
                    creates.remove(index);
                    missing.add(index);
                    continue;
                }
                boolean delete = record.operation() == TargetRecord.Operation.DELETE;
                if (delete && part.status() == 404) {
                    // already gone is what a delete wants
                    results.set(index, new WriteResult(204, ""));
                    continue;
                }
                if (record.operation() == TargetRecord.Operation.UPDATE && answer.member() == 0
                        && part.status() == 404) {
                    // update-only: the record is not there and must not be created (no POST fallback on F&O)
                    results.set(index, new WriteResult(404, missingForUpdate(record, entitySet, part)));
                    continue;
                }
                if (refusedCreates.containsKey(index) && answer.member() == 0 && part.status() == 404) {
                    // the check found no record: the create's refusal stands, in the service's words
                    results.set(index, refusedCreates.get(index));
                    continue;
                }
                Set<Integer> sentAsCreate = creates.getOrDefault(index, Set.of());
                if (!part.isSuccess() && !RetryPolicy.isTransient(part.status())
                        && sentAsCreate.contains(answer.member()) && !refusedCreates.containsKey(index)) {
                    // A POST is not idempotent: when the answer to an applied $batch is lost (a dropped connection),
                    // the $batch is sent again and F&O refuses the second create as a duplicate key, although the
                    // record is there as written. Whether it is there is asked by PATCH, not read from the refusal's
                    // wording (unconfirmed): found, it is updated and the write succeeds; not found, the refusal stands.
                    refusedCreates.put(index, new WriteResult(part.status(), message));
                    creates.remove(index);
                    missing.add(index);
                    continue;
                }
                // a header sent as POST (F&O's missing record) that succeeded was created now; so was one whose
                // create was refused and found by the check: the record is new to this write either way
                results.set(index, new WriteResult(part.status(), message, part.isSuccess()
                        && (sentAsCreate.contains(0) || refusedCreates.containsKey(index)), returned(part)));
                if (part.isSuccess() && refusedCreates.containsKey(index)) {
                    LOG.info("{}: {} {} was there although its create was refused (created by other means, or a"
                            + " create whose answer was lost): updated; the refusal was: {}", area,
                            record.entitySet() != null ? record.entitySet() : entitySet, record.keyString(),
                            refusedCreates.get(index).message());
                }
                if (RetryPolicy.isTransient(part.status())) {
                    transientOnes.add(index);
                    sender.transientAnswer(area, part.status());
                    RetryAfter.deadline(Optional.ofNullable(part.retryAfter()), Instant.now())
                            .ifPresent(sender::holdUntil);
                } else if (!delete && part.status() == 404 && config.dialect() == Dialect.FNO
                        && toCreate(creates.computeIfAbsent(index, k -> new HashSet<>()), answer.member(), members)) {
                    missing.add(index);
                }
            }
            if (!unanswered.isEmpty() && unanswered.size() == pending.size()) {
                // nothing at all was answered: no progress to build on, so as a transient failure of each
                for (int index : unanswered) {
                    results.set(index, new WriteResult(503, NO_RESPONSE));
                }
                transientOnes.addAll(unanswered);
                unanswered.clear();
            } else if (!unanswered.isEmpty()) {
                LOG.info("{}: {} record(s) of the $batch to {} got no response (the service stopped after a failed"
                        + " change set): not executed, sent again", area, unanswered.size(), entitySet);
            }
            boolean retryTransient = !transientOnes.isEmpty() && attempt < policy.maxAttempts();
            if (retryTransient) {
                sender.pause(area, policy.backoff(attempt), "retrying " + transientOnes.size() + " transient record(s) of "
                        + entitySet + ", attempt " + attempt + "/" + policy.maxAttempts());
                attempt++;
            }
            // each round answers at least one request, so resending the unanswered ones ends
            pending = new ArrayList<>(missing);
            pending.addAll(unanswered);
            if (retryTransient) {
                pending.addAll(transientOnes);
            }
        }
        return results;
    }

    /**
     * F&amp;O creates only by POST, and a record p2c-sync never wrote is most likely new to it: a PATCH would cost a
     * 404 and a second request. Dataverse creates by PATCH (an upsert); update-only and delete writes never create.
     */
    private boolean createsFirst(TargetRecord record) {
        return config.dialect() == Dialect.FNO && record.neverWritten()
                && record.operation() == TargetRecord.Operation.UPSERT;
    }

    /** The members a new document creates: its header and every line it writes (0 = header, i = line i). */
    private static Set<Integer> newMembers(TargetRecord document) {
        Set<Integer> members = new HashSet<>();
        members.add(0);
        for (int i = 0; i < document.lines().size(); i++) {
            if (document.lines().get(i).operation() == TargetRecord.Operation.UPSERT) {
                members.add(i + 1);
            }
        }
        return members;
    }

    /** PATCH by key (or POST to the set for the members known missing): the header first, then each line. */
    private List<BatchRequest.Operation> operations(TargetRecord record, String entitySet, Set<Integer> creates) {
        List<BatchRequest.Operation> ops = new ArrayList<>(1 + record.lines().size());
        ops.add(operation(record, entitySet, creates.contains(0)));
        for (int i = 0; i < record.lines().size(); i++) {
            ops.add(operation(record.lines().get(i), entitySet, creates.contains(i + 1)));
        }
        return ops;
    }

    private BatchRequest.Operation operation(TargetRecord record, String defaultSet, boolean create) {
        String set = record.entitySet() != null ? record.entitySet() : defaultSet;
        if (record.operation() == TargetRecord.Operation.DELETE) {
            return new BatchRequest.Operation("DELETE", byKey(set, record), null);
        }
        if (create) {
            return new BatchRequest.Operation("POST", config.baseUrl() + set, toJson(record));
        }
        String url = byKey(set, record);
        // If-Match: * is OData's "update only": the service answers 404 instead of creating a missing record
        String body = toJson(record, patchBody(record));
        return record.operation() == TargetRecord.Operation.UPDATE
                ? new BatchRequest.Operation("PATCH", url, body, Map.of("If-Match", "*"))
                : new BatchRequest.Operation("PATCH", url, body);
    }

    /**
     * The record's URL by key. F&amp;O: PATCH and DELETE of a record outside the caller's default company need
     * {@code cross-company=true} (community reports, REAL-SERVICES.md F&amp;O 6; the sandbox refuses them without it),
     * so every F&amp;O write by key carries it.
     */
    private String byKey(String set, TargetRecord record) {
        String url = config.baseUrl() + set + KeyPredicate.of(record.key(), config.dialect());
        return config.dialect() == Dialect.FNO ? url + "?cross-company=true" : url;
    }

    /**
     * What a PATCH by key sends. Dataverse takes the key's values from the URL and applies them itself when it
     * creates the record, and a lookup key part ({@code _salesorderid_value}) is no writable property at all, so
     * there the key fields stay out of the body; F&amp;O gets the whole payload (a 404 there is resent as a POST).
     */
    private Map<String, Object> patchBody(TargetRecord record) {
        if (config.dialect() != Dialect.DATAVERSE) {
            return record.payload();
        }
        Map<String, Object> body = new java.util.LinkedHashMap<>(record.payload());
        record.key().keySet().forEach(body::remove);
        return body;
    }

    /**
     * Names an update-only record the target does not have, e.g. {@code salesorders(ordernumber='X') does not exist;
     * target write: update never creates}, keeping what the service said (a 404 may also name a missing bound record).
     */
    private String missingForUpdate(TargetRecord record, String entitySet, BatchResponse.Part part) {
        String set = record.entitySet() != null ? record.entitySet() : entitySet;
        String said = part.errorMessage();
        return set + KeyPredicate.readable(record.key(), config.dialect())
                + " does not exist; target write: update never creates" + (said.isEmpty() ? "" : " (" + said + ")");
    }

    /**
     * Marks what to create after a 404: a missing header means the whole document is new (its lines cannot exist
     * without it); a missing line, that line. Returns false when nothing new is learnt, so a 404 on a POST ends.
     */
    private static boolean toCreate(Set<Integer> creates, int member, int members) {
        int before = creates.size();
        if (member == 0) {
            for (int i = 0; i < members; i++) {
                creates.add(i);
            }
        } else {
            creates.add(member);
        }
        return creates.size() > before;
    }

    /** How a header or line is named in a rejected document's message, e.g. "line SalesQuotationLines usmf|Q-1|2". */
    private static String member(TargetRecord record, int member, String entitySet) {
        TargetRecord named = member == 0 ? record : record.lines().get(member - 1);
        String set = named.entitySet() != null ? named.entitySet() : entitySet;
        return (member == 0 ? "header " : "line ") + set + " " + named.keyString();
    }

    /**
     * One record's answer among the flattened parts, and which member (0 = header, i = line i) it concerns. A
     * change set that succeeded answers every member; one that failed answers once, with the failing member's
     * Content-ID (Dataverse and OData 4.0 alike), so the walk through the parts must tell the two apart.
     */
    private record Answer(BatchResponse.Part part, int member, int partsUsed) {}

    private static Answer answer(List<BatchResponse.Part> parts, int next, int members, int firstContentId) {
        if (next >= parts.size()) {
            // a service that stopped early answers fewer parts; the unanswered were not applied (no parts used)
            return new Answer(new BatchResponse.Part(null, 503, NO_RESPONSE, null), 0, 0);
        }
        BatchResponse.Part first = parts.get(next);
        if (members == 1) {
            return new Answer(first, 0, 1);
        }
        if (!first.isSuccess()) {
            int member = 0;
            try {
                int id = Integer.parseInt(String.valueOf(first.contentId()).trim());
                if (id >= firstContentId && id < firstContentId + members) {
                    member = id - firstContentId;
                }
            } catch (NumberFormatException noContentId) {
                // the service did not say which member failed: the document as a whole is named by its header
            }
            return new Answer(first, member, 1);
        }
        for (int m = 0; m < members; m++) {
            BatchResponse.Part part = next + m < parts.size() ? parts.get(next + m)
                    : new BatchResponse.Part(null, 503, NO_RESPONSE, null);
            if (!part.isSuccess()) {
                return new Answer(part, m, Math.min(members, parts.size() - next));
            }
        }
        return new Answer(first, 0, members);
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

    /** A request to the service with the OData headers every call carries (no token yet: {@link #call} adds it). */
    HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(config.requestTimeout())
                .header("OData-Version", "4.0")
                .header("OData-MaxVersion", "4.0")
                .header("Accept", "application/json");
    }

    /**
     * Sends with a bearer token, under the retry policy and the throttle gate; after a 401, renews the token once and
     * sends once more. For this package's other clients of the same service ({@link MetadataClient}).
     */
    <T> T call(String area, Supplier<HttpRequest.Builder> builder, RetryingSender.ResponseCheck<T> check) {
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
        return toJson(record, record.payload());
    }

    private String toJson(TargetRecord record, Map<String, Object> body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("record " + record.keyString() + " cannot be written as JSON", e);
        }
    }

    /** The entity a successful answer carries (POST: 201 with the created record), or empty. */
    private Map<String, Object> returned(BatchResponse.Part part) {
        if (!part.isSuccess() || part.body() == null || part.body().isBlank()) {
            return Map.of();
        }
        try {
            Map<String, Object> entity = json.readValue(part.body(),
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
            return entity == null ? Map.of() : entity;
        } catch (JsonProcessingException notAnEntity) {
            return Map.of();
        }
    }

    /** Signals a rejected token from inside the retry loop; carries no stack, it is control flow. */
    private static final class Unauthorized extends RuntimeException {
        Unauthorized() {
            super(null, null, false, false);
        }
    }
}
