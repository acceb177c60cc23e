package org.p2csync.app;

import org.p2csync.mapping.Mappings;
import org.p2csync.odata.ODataException;
import org.p2csync.setup.Setup;
import org.p2csync.setup.SetupReport;
import org.p2csync.sync.RequestCounter;

/**
 * Setup against the configured services (or a sandbox's endpoints): the {@code setup} command, the demo's and the
 * built-in sandbox's set-up run, and the check every runtime makes at start before any record moves.
 */
public final class SetupRunner {
    private SetupRunner() {}

    /**
     * Reads the mappings and reports what the CRM lacks ({@code checkOnly}) or creates it.
     *
     * @throws ConfigurationException when the mappings do not load or a service cannot be read at all
     */
    public static SetupReport run(Settings settings, Endpoints endpoints, boolean checkOnly) {
        Connectors connectors = Connectors.create(endpoints, new RequestCounter());
        Mappings mappings = MappingFiles.load(settings.mappingsDir());
        try {
            return setup(settings, connectors, mappings).run(checkOnly);
        } catch (ODataException e) {
            throw new ConfigurationException("setup cannot read the services' metadata: " + e.getMessage(), e);
        }
    }

    /**
     * Stops a start whose CRM lacks a column or key the mappings need, naming them and {@code setup}.
     *
     * @throws ConfigurationException naming what is missing, or why the CRM's metadata could not be read
     */
    static void requireReady(Settings settings, Connectors connectors, Mappings mappings) {
        lacking(settings, connectors, mappings).ifPresent(message -> {
            throw new ConfigurationException(message);
        });
    }

    /**
     * What the CRM lacks of the columns and keys the mappings need, as the message naming them and {@code setup}.
     *
     * @throws ConfigurationException when the CRM's metadata cannot be read
     */
    static java.util.Optional<String> lacking(Settings settings, Connectors connectors, Mappings mappings) {
        try {
            return setup(settings, connectors, mappings).plan().lacking();
        } catch (ODataException e) {
            throw new ConfigurationException("cannot read the CRM's metadata to check the columns and alternate keys the"
                    + " mappings need: " + e.getMessage(), e);
        }
    }

    private static Setup setup(Settings settings, Connectors connectors, Mappings mappings) {
        return new Setup(mappings, ShippedSchemas.get(), connectors.crmComponent().client(),
                connectors.erpComponent().client(), settings.setup().solution(), settings.setup().keyWait());
    }
}
