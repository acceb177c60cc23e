package org.p2csync.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.p2csync.sandbox.FaultSpec;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `sandbox`: serve the simulated CRM and ERP until stopped. */
@Command(name = "sandbox", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = Failures.USAGE,
        description = "Serve the simulated CRM (Dataverse) and ERP (F&O) over HTTP on 127.0.0.1 until stopped.")
final class SandboxCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8780", description = "Port to listen on (0 = any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--data", defaultValue = "data/sandbox", description = "Folder of the sandbox's databases. Default: ${DEFAULT-VALUE}.")
    Path data;

    @Option(names = "--seed-accounts", defaultValue = "500", description = "CRM accounts to seed a new sandbox with. Default: ${DEFAULT-VALUE}.")
    int seedAccounts;

    @Option(names = "--faults", paramLabel = "SPEC", description = "Inject faults, e.g. 429=0.05,500=0.02,reset=0.01,latency=20ms.")
    String faults;

    @Option(names = "--activity", description = "Simulate users every few seconds: CRM account, contact, quote and order edits; the ERP confirms and invoices orders.")
    boolean activity;

    @Override
    public Integer call() throws Exception {
        SandboxOptions options = SandboxOptions.defaults(data)
                .withPort(port)
                .withSeedAccounts(seedAccounts)
                .withFaults(faults == null ? FaultSpec.NONE : FaultSpec.parse(faults))
                .withActivity(activity);
        try (Sandbox sandbox = Sandbox.start(options)) {
            System.out.println("CRM   " + sandbox.crmUrl());
            System.out.println("ERP   " + sandbox.erpUrl());
            System.out.println("token " + sandbox.tokenUrl());
            System.out.println("sandbox ready");
            System.out.flush();
            UntilStopped.await();
        }
        return 0;
    }
}
