package org.p2csync.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start a {@link Sandbox}.
 *
 * @param port 0 picks a free ephemeral port
 * @param dataDir holds one H2 database per simulated system ({@code crm}, {@code erp})
 * @param seedAccounts how many CRM accounts a new database gets
 * @param activity whether simulated users keep editing CRM accounts every {@code activityEvery}
 * @param seed makes seed data, activity and fault injection reproducible
 * @param deltaTokenTtl how long a CRM delta link stays valid; older ones answer 410 Gone (Dataverse: 7 days)
 */
public record SandboxOptions(
        String host,
        int port,
        Path dataDir,
        int seedAccounts,
        FaultSpec faults,
        boolean activity,
        Duration activityEvery,
        long seed,
        Duration tokenTtl,
        Duration deltaTokenTtl) {

    public SandboxOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(activityEvery, "activityEvery");
        Objects.requireNonNull(tokenTtl, "tokenTtl");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (seedAccounts < 0) {
            throw new IllegalArgumentException("seedAccounts must be >= 0, was " + seedAccounts);
        }
        if (activityEvery.isNegative() || activityEvery.isZero()) {
            throw new IllegalArgumentException("activityEvery must be positive, was " + activityEvery);
        }
        Objects.requireNonNull(deltaTokenTtl, "deltaTokenTtl");
        if (deltaTokenTtl.isNegative() || deltaTokenTtl.isZero()) {
            throw new IllegalArgumentException("deltaTokenTtl must be positive, was " + deltaTokenTtl);
        }
        if (tokenTtl.isNegative() || tokenTtl.isZero()) {
            throw new IllegalArgumentException("tokenTtl must be positive, was " + tokenTtl);
        }
    }

    public static SandboxOptions defaults(Path dataDir) {
        return new SandboxOptions(
                "127.0.0.1", 0, dataDir, 500, FaultSpec.NONE, false, Duration.ofSeconds(5), 42L, Duration.ofHours(1), Duration.ofDays(7));
    }

    public SandboxOptions withHost(String v) {
        return new SandboxOptions(v, port, dataDir, seedAccounts, faults, activity, activityEvery, seed, tokenTtl, deltaTokenTtl);
    }

    public SandboxOptions withPort(int v) {
        return new SandboxOptions(host, v, dataDir, seedAccounts, faults, activity, activityEvery, seed, tokenTtl, deltaTokenTtl);
    }

    public SandboxOptions withDataDir(Path v) {
        return new SandboxOptions(host, port, v, seedAccounts, faults, activity, activityEvery, seed, tokenTtl, deltaTokenTtl);
    }

    public SandboxOptions withSeedAccounts(int v) {
        return new SandboxOptions(host, port, dataDir, v, faults, activity, activityEvery, seed, tokenTtl, deltaTokenTtl);
    }

    public SandboxOptions withFaults(FaultSpec v) {
        return new SandboxOptions(host, port, dataDir, seedAccounts, v, activity, activityEvery, seed, tokenTtl, deltaTokenTtl);
    }

    public SandboxOptions withActivity(boolean v) {
        return new SandboxOptions(host, port, dataDir, seedAccounts, faults, v, activityEvery, seed, tokenTtl, deltaTokenTtl);
    }

    public SandboxOptions withActivityEvery(Duration v) {
        return new SandboxOptions(host, port, dataDir, seedAccounts, faults, activity, v, seed, tokenTtl, deltaTokenTtl);
    }

    public SandboxOptions withSeed(long v) {
        return new SandboxOptions(host, port, dataDir, seedAccounts, faults, activity, activityEvery, v, tokenTtl, deltaTokenTtl);
    }

    public SandboxOptions withTokenTtl(Duration v) {
        return new SandboxOptions(host, port, dataDir, seedAccounts, faults, activity, activityEvery, seed, v, deltaTokenTtl);
    }

    public SandboxOptions withDeltaTokenTtl(Duration v) {
        return new SandboxOptions(host, port, dataDir, seedAccounts, faults, activity, activityEvery, seed, tokenTtl, v);
    }
}
