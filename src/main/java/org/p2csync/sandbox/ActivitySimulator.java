package org.p2csync.sandbox;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulated users: every tick CRM users edit a few accounts, create one or two, and re-qualify a prospect as a
 * customer; then do some sales work and the ERP users process orders ({@link SalesActivity}). Their writes go through the same request handling as API clients, so timestamps and checks are the same.
 */
final class ActivitySimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ActivitySimulator.class);

    private final ServiceEndpoint crm;
    private final Random random;
    private final SalesActivity sales;
    private final ScheduledExecutorService timer;

    ActivitySimulator(ServiceEndpoint crm, ServiceEndpoint erp, long seed, Duration every) {
        this.crm = crm;
        this.random = new Random(seed ^ 0x5eedL);
        this.sales = new SalesActivity(crm, erp, random);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sandbox-activity");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::tickSafely, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException | SQLException e) {
            LOG.warn("sandbox activity tick failed", e);
        }
    }

    /** One round of user activity; returns what it did, for the log. */
    synchronized String tick() throws SQLException {
        List<String> edited = new ArrayList<>();
        for (String id : pick(false, 3)) {
            Map<String, Object> change = new LinkedHashMap<>();
            switch (random.nextInt(3)) {
                case 0 -> change.put("telephone1", "+1 555 " + String.format("%04d", random.nextInt(10000)));
                case 1 -> change.put("description", "Edited by a simulated user (" + random.nextInt(1000) + ")");
                default -> change.put("name", "Renamed Customer " + random.nextInt(100000));
            }
            if (patch(id, change)) {
                edited.add(id);
            }
        }
        int toCreate = 1 + random.nextInt(2);
        int made = 0;
        for (int i = 0; i < toCreate; i++) {
            Map<String, Object> row = AccountSeeder.account(nextAccountIndex(), random);
            // The id comes from the seeded random (clients may set it on create), so activity stays reproducible;
            // the owner team is bound, and the service sets the business unit from it.
            Map<String, Object> body = RowBodies.requestBody(crm.service().model().requireEntitySet("accounts"), row);
            if (send("POST", "accounts", body).status() < 300) {
                made++;
            }
        }
        List<String> prospects = pick(true, 1);
        boolean requalified = !prospects.isEmpty() && patch(prospects.get(0), Map.of("customertypecode", 3));
        String summary = "edited " + edited.size() + ", created " + made + ", re-qualified "
                + (requalified ? prospects.get(0) : "none") + "; CRM sales: " + sales.crmTick() + "; ERP: " + sales.erpTick();
        LOG.info("sandbox activity: {}", summary);
        return summary;
    }

    /** Continues the seed's numbering after the rows already there, so new account numbers stay unique. */
    private int nextAccountIndex() throws SQLException {
        SimulatedService service = crm.service();
        service.lock().lock();
        try {
            return (int) service.table("accounts").count(service.connection(), SqlFragment.TRUE);
        } finally {
            service.lock().unlock();
        }
    }

    /** Random account ids; with {@code prospectsOnly} set, only prospects (customertypecode 8). */
    private List<String> pick(boolean prospectsOnly, int n) throws SQLException {
        SimulatedService service = crm.service();
        EntityTable accounts = service.table("accounts");
        SqlFragment where = !prospectsOnly ? SqlFragment.TRUE : SqlFragment.of("\"customertypecode\" = ?", 8);
        List<String> ids = new ArrayList<>();
        service.lock().lock();
        try {
            long count = accounts.count(service.connection(), where);
            for (int i = 0; i < n && count > 0; i++) {
                long offset = (long) (random.nextDouble() * count);
                accounts.select(service.connection(), where, "\"accountid\"", 1, offset)
                        .forEach(r -> ids.add((String) r.get("accountid")));
            }
        } finally {
            service.lock().unlock();
        }
        return ids;
    }

    private boolean patch(String id, Map<String, Object> change) {
        Map<String, Object> body = new LinkedHashMap<>(change);
        return send("PATCH", "accounts(" + id + ")", body).status() < 300;
    }

    private ODataResponse send(String method, String resource, Map<String, Object> body) {
        try {
            byte[] json = Json.MAPPER.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
            ODataResponse r = crm.handle(new ODataRequest(method, resource, "",
                    method.equals("PATCH") ? Map.of("If-Match", "*") : Map.of(), json, "http://sandbox-activity"));
            if (r.status() >= 300) {
                LOG.warn("sandbox activity {} {} was refused: {}", method, resource,
                        new String(r.body(), StandardCharsets.UTF_8));
            }
            return r;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
