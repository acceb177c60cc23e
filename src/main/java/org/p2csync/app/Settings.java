package org.p2csync.app;

import java.nio.file.Path;
import java.util.Optional;
import org.p2csync.state.StateConfig;
import org.p2csync.state.StateStore;

/**
 * Everything p2c-sync is told from outside. {@code crm} and {@code erp} are empty when no URL is configured: then
 * the built-in sandbox is the target.
 *
 * @param configFile the properties file read, if any, also handed to Camel for its own {@code camel.*} keys
 * @param setup how setup changes the CRM (solution, key wait)
 * @param alerts the areas' alert rules and the webhook told when one pauses an area
 * @param http the operations HTTP server (status page, health, metrics) of a continuous sync and the demo
 */
public record Settings(
        Optional<ServiceSettings> crm,
        Optional<ServiceSettings> erp,
        Path dataDir,
        Path routesDir,
        Path mappingsDir,
        Optional<StateDatabase> stateDatabase,
        Optional<Path> configFile,
        SetupSettings setup,
        AlertSettings alerts,
        HttpSettings http) {

    /** A shared database for state (PostgreSQL for clusters); absent = H2 file under the data folder. */
    public record StateDatabase(String url, String user, String password) {
        @Override
        public String toString() {
            return "StateDatabase[url=" + url + ", user=" + user + ", password=" + (password == null ? "unset" : "****")
                    + "]";
        }
    }

    /** The state database to open: the shared one when configured, else the H2 file in the data folder. */
    public StateConfig stateConfig() {
        return stateDatabase.map(db -> new StateConfig(db.url(), db.user(), db.password()))
                .orElseGet(() -> StateStore.h2(dataDir));
    }

    public boolean usesSandbox() {
        return crm.isEmpty();
    }
}
