package org.p2csync.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.List;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.p2csync.schema.RealSchemas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated CRM (Dataverse Web API) and ERP (F&O data entities) on one local HTTP port, each backed by its own H2
 * file database under the data folder, with an OAuth2 token endpoint, fault injection and optional user activity.
 * Connectors talk to it exactly as to the real services.
 */
public final class Sandbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);
    /** Dataverse and dual-write both cap a $batch at 1000 requests. */
    private static final int MAX_BATCH_REQUESTS = 1000;
    /** Beyond this many accounts, sales seed data stops growing, so a 20000-account benchmark seeds quickly. */
    static final int MAX_SALES_SCALE = 2000;

    private final SandboxOptions options;
    private final SimulatedService crm;
    private final SimulatedService erp;
    private final SandboxMetrics metrics = new SandboxMetrics();
    private final FaultInjector faults;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ActivitySimulator activity;
    private final Privileges privileges = new Privileges();

    private Sandbox(SandboxOptions options) throws IOException, SQLException {
        this.options = options;
        Files.createDirectories(options.dataDir());
        RealSchemas schemas = RealSchemas.shipped();
        this.crm = new SimulatedService(SandboxModel.crm(schemas), options.dataDir(), ServiceRules.dataverse(options),
                schemas);
        this.erp = new SimulatedService(SandboxModel.erp(schemas), options.dataDir(), ServiceRules.fno(options), schemas);
        seed(options);
        this.faults = new FaultInjector(options.faults(), options.seed());
        Clock clock = Clock.systemUTC();
        TokenIssuer tokens = new TokenIssuer(options.tokenTtl(), clock);
        RetryAfterTracker retryAfter = new RetryAfterTracker(clock);
        ServiceEndpoint crmEndpoint = new ServiceEndpoint(crm, MAX_BATCH_REQUESTS, metrics);
        ServiceEndpoint erpEndpoint = new ServiceEndpoint(erp, MAX_BATCH_REQUESTS, metrics);
        if (options.setUp()) {
            OrgSetUp.run(crmEndpoint, schemas);
        }

        this.server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 64);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "sandbox-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/oauth2/token", new TokenHandler(tokens, metrics));
        server.createContext(crm.model().rootPath(), new DataHandler(crmEndpoint, tokens, faults, retryAfter, metrics,
                privileges));
        server.createContext(erp.model().rootPath(), new DataHandler(erpEndpoint, tokens, faults, retryAfter, metrics,
                privileges));
        server.createContext("/sandbox/", new AdminHandler(this));
        server.start();
        this.activity = options.activity() ? new ActivitySimulator(crmEndpoint, erpEndpoint, options.seed(), options.activityEvery()) : null;
        LOG.info("sandbox: CRM at {}, ERP at {}, token at {}, faults {}", crmUrl(), erpUrl(), tokenUrl(), faults.spec());
    }

    /**
     * Seeds what is new, set by set, so an older data folder gains the sets added since: accounts with a new accounts
     * table; reference data (currencies, business units, teams, unit group, units, price lists); sales data (CRM
     * products, contacts, quotes, orders; ERP products, orders, invoices). Sales data scales with the account count up
     * to {@link #MAX_SALES_SCALE} accounts' worth. Then rows of an older data folder get what the services now
     * maintain ({@link DataFolderUpgrade}).
     */
    private void seed(SandboxOptions options) throws SQLException {
        long t0 = System.nanoTime();
        boolean accounts = crm.isNew("accounts");
        if (accounts) {
            AccountSeeder.seed(crm, options.seedAccounts(), options.seed());
        }
        CrmReferenceSeeder.seed(crm);
        int scale = Math.min(options.seedAccounts(), MAX_SALES_SCALE);
        SeedCatalog catalog = SeedCatalog.generate(scale * 3 / 5, options.seed());
        if (CrmSalesSeeder.needed(crm) || ErpSalesSeeder.needed(erp)) {
            List<SeedAccount> seedAccounts = SeedAccount.load(crm);
            CrmSalesSeeder.seed(crm, catalog, seedAccounts, scale, options.seed());
            ErpSalesSeeder.seed(erp, catalog, seedAccounts, scale, options.seed());
        }
        DataFolderUpgrade.run(crm, erp);
        crm.seeded();
        erp.seeded();
        if (!crm.createdSets().isEmpty() || !erp.createdSets().isEmpty()) {
            // an upgraded data folder names the sets it gained; a new one just counts them
            Object sets = crm.isNew() && erp.isNew() ? (crm.createdSets().size() + erp.createdSets().size()) + " sets"
                    : java.util.stream.Stream.concat(crm.createdSets().stream(), erp.createdSets().stream()).sorted().toList();
            LOG.info("sandbox: seeded {} CRM accounts and {} accounts' worth of sales data into {} in {} ms",
                    accounts ? options.seedAccounts() : 0, scale, sets, (System.nanoTime() - t0) / 1_000_000);
        } else {
            LOG.info("sandbox: reusing the existing databases in {}", options.dataDir());
        }
    }

    /** Starts the sandbox; seeds the CRM only when its database is new, so a restart keeps all data. */
    public static Sandbox start(SandboxOptions options) throws IOException {
        try {
            return new Sandbox(options);
        } catch (SQLException e) {
            throw new IOException("cannot open the sandbox databases in " + options.dataDir() + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String crmUrl() {
        return base() + crm.model().rootPath();
    }

    public String erpUrl() {
        return base() + erp.model().rootPath();
    }

    public String tokenUrl() {
        return base() + "/oauth2/token";
    }

    public void setFaults(FaultSpec f) {
        faults.set(f);
        LOG.info("sandbox: faults now {}", f);
    }

    public FaultSpec faults() {
        return faults.spec();
    }

    /**
     * Takes privileges from the CRM's application user, as an administrator who gave it no customizing role would:
     * the metadata Web API's changes that need one answer 403 with Dataverse's privilege error (code 0x80040220).
     * Known: prvCreateAttribute, prvCreateEntityKey, prvDeleteEntityKey; an empty set gives them all back.
     */
    public void denyPrivileges(java.util.Set<String> names) {
        privileges.deny(names);
        LOG.info("sandbox: the CRM's application user now lacks {}", names.isEmpty() ? "nothing" : names);
    }

    public java.util.Set<String> deniedPrivileges() {
        return privileges.denied();
    }

    /**
     * Makes one row unreadable whenever it is served with any non-identifying field selected. {@code id} is the
     * primary key, for composite keys its parts joined by '|' (e.g. {@code usmf|US-001}).
     */
    public void poison(String entitySet, String id) {
        SimulatedService service = crm.model().entitySet(entitySet).isPresent() ? crm
                : erp.model().entitySet(entitySet).isPresent() ? erp
                : null;
        if (service == null) {
            throw new IllegalArgumentException("cannot poison '" + entitySet + "': no such entity set; known sets: "
                    + crm.model().entitySets().stream().map(EntitySetDef::name).toList() + " (CRM), "
                    + erp.model().entitySets().stream().map(EntitySetDef::name).toList() + " (ERP)");
        }
        service.poison(entitySet, id);
        LOG.info("sandbox: poisoned {}({})", entitySet, id);
    }

    /**
     * Stamps every later CRM write with the current second (modifiedon, createdon) until
     * {@link #releaseCrmTimestamps}, as if all happened within it: many records in one second across pages, and a
     * record changed in the second a read already passed, made to happen on purpose. Whole-second precision only.
     *
     * @return the held second
     */
    public OffsetDateTime holdCrmTimestamps() {
        OffsetDateTime second = crm.holdTimestamps();
        LOG.info("sandbox: CRM writes are stamped {} until released", second);
        return second;
    }

    /** CRM writes take the clock's time again. */
    public void releaseCrmTimestamps() {
        crm.releaseTimestamps();
        LOG.info("sandbox: CRM writes take the clock's time again");
    }

    /** The activity simulator when started with activity, for tests that drive ticks themselves; else null. */
    ActivitySimulator activity() {
        return activity;
    }

    public SandboxStats stats() {
        return metrics.snapshot();
    }

    @Override
    public void close() {
        if (activity != null) {
            activity.close();
        }
        server.stop(0);
        executor.shutdownNow();
        for (SimulatedService s : new SimulatedService[] {crm, erp}) {
            try {
                s.close();
            } catch (SQLException e) {
                LOG.warn("sandbox: closing the {} database failed", s.model().system(), e);
            }
        }
        LOG.info("sandbox: stopped");
    }

    private String base() {
        return "http://" + options.host() + ":" + port();
    }
}
