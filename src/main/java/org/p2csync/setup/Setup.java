package org.p2csync.setup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.p2csync.mapping.Mappings;
import org.p2csync.odata.MetadataClient;
import org.p2csync.odata.ODataClient;
import org.p2csync.schema.RealSchemas;

/**
 * p2c-sync's setup for one pair of services and one set of mappings: {@link #plan()} reads what the CRM has of what the
 * mappings need (the check sync and the demo run at start), {@link #run(boolean)} reports it or brings the CRM there,
 * and checks the mappings against both services' $metadata (the ERP's entity sets and fields; the CRM's with the
 * p2c_ columns setup creates).
 */
public final class Setup {
    /** The name setup's requests are counted under. */
    public static final String AREA = "setup";

    private final Mappings mappings;
    private final CrmNeeds needs;
    private final ODataClient crm;
    private final ODataClient erp;
    private final MetadataClient metadata;
    private final Duration keyWait;

    /**
     * @param solution the unique name of the solution new columns and keys go into (MSCRM.SolutionUniqueName)
     * @param keyWait how long to wait for new key indexes, in all
     */
    public Setup(Mappings mappings, RealSchemas schemas, ODataClient crm, ODataClient erp, Optional<String> solution,
                 Duration keyWait) {
        this.mappings = mappings;
        this.needs = CrmNeeds.of(mappings, schemas);
        this.crm = crm;
        this.erp = erp;
        this.metadata = new MetadataClient(crm, AREA, solution);
        this.keyWait = keyWait;
    }

    public CrmNeeds needs() {
        return needs;
    }

    /** What the CRM has of what the mappings need, read now. */
    public SetupPlan plan() {
        return SetupPlan.read(needs, metadata);
    }

    /** With {@code checkOnly}, reports; else creates what is missing, waits for the key indexes, and reports. */
    public SetupReport run(boolean checkOnly) {
        SetupPlan plan = plan();
        SetupRun run = new SetupRun(metadata, crm, AREA, keyWait);
        SetupRun.Result result = checkOnly ? run.check(plan) : run.apply(plan);
        List<String> problems = new ArrayList<>(plan.problems());
        problems.addAll(mappings.problems(Map.of(CrmNeeds.CRM, new PlannedCatalog(crm.catalog(), needs), "erp",
                erp.catalog())));
        return new SetupReport(checkOnly, crm.baseUrl(), erp.baseUrl(), result.columns(), result.keys(), problems,
                mappings.areas().size(), ManualSteps.of(mappings));
    }
}
