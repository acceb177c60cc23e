package org.p2csync.cli;

import org.p2csync.app.Endpoints;
import org.p2csync.app.ServiceSettings;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxIds;

/** The endpoints of a running sandbox, with its demo client, as if they were configured. */
final class SandboxEndpoints {
    private SandboxEndpoints() {}

    static Endpoints of(Sandbox sandbox) {
        return new Endpoints(
                new ServiceSettings(sandbox.crmUrl(), sandbox.tokenUrl(), SandboxIds.CLIENT_ID, SandboxIds.CLIENT_SECRET),
                new ServiceSettings(sandbox.erpUrl(), sandbox.tokenUrl(), SandboxIds.CLIENT_ID, SandboxIds.CLIENT_SECRET));
    }
}
