package org.p2csync.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;

/**
 * How to start a {@link Sandbox}.
 *
 * @param port 0 picks a free ephemeral port
 * @param dataDir holds one H2 database per simulated system ({@code crm}, {@code erp})
 * @param seedAccounts how many CRM accounts a new database gets
 * @param activity whether simulated users keep editing CRM accounts every {@code activityEvery}
 * @param seed makes seed data, activity and fault injection reproducible
 * @param deltaTokenTtl how long a CRM delta link stays valid (Dataverse: 7 days); older ones answer error code
 *     0x80044352 with {@code expiredDeltaTokenStatus}
 * @param keyIndexDelay how long a new Dataverse alternate key's index takes to build: Pending for the first half,
 *     InProgress for the second, then Active (or Failed on duplicate values)
 * @param timestampPrecision what Dataverse stores and serves of its date-times (createdon, modifiedon and written
 *     values): SECONDS, as the real Web API shows them (many writes share one), or MILLIS (each write its own, as
 *     the sandbox had it before)
 * @param expiredDeltaTokenStatus the HTTP status of an expired delta token's answer; the real one is unpublished,
 *     the code 0x80044352 is what clients must recognise (default 400)
 * @param setUp start as an org on which p2c-sync's setup has run: the alternate keys and p2c_ columns the shipped
 *     mappings need are created through the sandbox's own metadata Web API at start (test and demo convenience)
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
        Duration deltaTokenTtl,
        Duration keyIndexDelay,
        ChronoUnit timestampPrecision,
        int expiredDeltaTokenStatus,
        boolean setUp) {

    public SandboxOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(activityEvery, "activityEvery");
        Objects.requireNonNull(tokenTtl, "tokenTtl");
        Objects.requireNonNull(deltaTokenTtl, "deltaTokenTtl");
        Objects.requireNonNull(keyIndexDelay, "keyIndexDelay");
        Objects.requireNonNull(timestampPrecision, "timestampPrecision");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (seedAccounts < 0) {
            throw new IllegalArgumentException("seedAccounts must be >= 0, was " + seedAccounts);
        }
        if (activityEvery.isNegative() || activityEvery.isZero()) {
            throw new IllegalArgumentException("activityEvery must be positive, was " + activityEvery);
        }
        if (deltaTokenTtl.isNegative() || deltaTokenTtl.isZero()) {
            throw new IllegalArgumentException("deltaTokenTtl must be positive, was " + deltaTokenTtl);
        }
        if (tokenTtl.isNegative() || tokenTtl.isZero()) {
            throw new IllegalArgumentException("tokenTtl must be positive, was " + tokenTtl);
        }
        if (keyIndexDelay.isNegative()) {
            throw new IllegalArgumentException("keyIndexDelay must not be negative, was " + keyIndexDelay);
        }
        if (!Set.of(ChronoUnit.SECONDS, ChronoUnit.MILLIS).contains(timestampPrecision)) {
            throw new IllegalArgumentException("timestampPrecision must be SECONDS or MILLIS, was " + timestampPrecision);
        }
        if (expiredDeltaTokenStatus < 400 || expiredDeltaTokenStatus > 499) {
            throw new IllegalArgumentException("expiredDeltaTokenStatus must be a 4xx status, was " + expiredDeltaTokenStatus);
        }
    }

    /** A fresh org (no alternate keys, no p2c_ columns) with second-precision Dataverse timestamps. */
    public static SandboxOptions defaults(Path dataDir) {
        return new SandboxOptions("127.0.0.1", 0, dataDir, 500, FaultSpec.NONE, false, Duration.ofSeconds(5), 42L,
                Duration.ofHours(1), Duration.ofDays(7), Duration.ofSeconds(1), ChronoUnit.SECONDS, 400, false);
    }

    public SandboxOptions withHost(String v) {
        return new SandboxOptions(v, port, dataDir, seedAccounts, faults, activity, activityEvery, seed, tokenTtl,
                deltaTokenTtl, keyIndexDelay, timestampPrecision, expiredDeltaTokenStatus, setUp);
    }

    public SandboxOptions withPort(int v) {
        return new SandboxOptions(host, v, dataDir, seedAccounts, faults, activity, activityEvery, seed, tokenTtl,
                deltaTokenTtl, keyIndexDelay, timestampPrecision, expiredDeltaTokenStatus, setUp);
    }

    public SandboxOptions withDataDir(Path v) {
        return new SandboxOptions(host, port, v, seedAccounts, faults, activity, activityEvery, seed, tokenTtl,
                deltaTokenTtl, keyIndexDelay, timestampPrecision, expiredDeltaTokenStatus, setUp);
    }

    public SandboxOptions withSeedAccounts(int v) {
        return new SandboxOptions(host, port, dataDir, v, faults, activity, activityEvery, seed, tokenTtl,
                deltaTokenTtl, keyIndexDelay, timestampPrecision, expiredDeltaTokenStatus, setUp);
    }

    public SandboxOptions withFaults(FaultSpec v) {
        return new SandboxOptions(host, port, dataDir, seedAccounts, v, activity, activityEvery, seed, tokenTtl,
                deltaTokenTtl, keyIndexDelay, timestampPrecision, expiredDeltaTokenStatus, setUp);
    }

    public SandboxOptions withActivity(boolean v) {
        return new SandboxOptions(host, port, dataDir, seedAccounts, faults, v, activityEvery, seed, tokenTtl,
                deltaTokenTtl, keyIndexDelay, timestampPrecision, expiredDeltaTokenStatus, setUp);
    }

    public SandboxOptions withActivityEvery(Duration v) {
        return new SandboxOptions(host, port, dataDir, seedAccounts, faults, activity, v, seed, tokenTtl,
                deltaTokenTtl, keyIndexDelay, timestampPrecision, expiredDeltaTokenStatus, setUp);
    }

    public SandboxOptions withSeed(long v) {
        return new SandboxOptions(host, port, dataDir, seedAccounts, faults, activity, activityEvery, v, tokenTtl,
                deltaTokenTtl, keyIndexDelay, timestampPrecision, expiredDeltaTokenStatus, setUp);
    }

    public SandboxOptions withTokenTtl(Duration v) {
        return new SandboxOptions(host, port, dataDir, seedAccounts, faults, activity, activityEvery, seed, v,
                deltaTokenTtl, keyIndexDelay, timestampPrecision, expiredDeltaTokenStatus, setUp);
    }

    public SandboxOptions withDeltaTokenTtl(Duration v) {
        return new SandboxOptions(host, port, dataDir, seedAccounts, faults, activity, activityEvery, seed, tokenTtl,
                v, keyIndexDelay, timestampPrecision, expiredDeltaTokenStatus, setUp);
    }

    public SandboxOptions withKeyIndexDelay(Duration v) {
        return new SandboxOptions(host, port, dataDir, seedAccounts, faults, activity, activityEvery, seed, tokenTtl,
                deltaTokenTtl, v, timestampPrecision, expiredDeltaTokenStatus, setUp);
    }

    public SandboxOptions withTimestampPrecision(ChronoUnit v) {
        return new SandboxOptions(host, port, dataDir, seedAccounts, faults, activity, activityEvery, seed, tokenTtl,
                deltaTokenTtl, keyIndexDelay, v, expiredDeltaTokenStatus, setUp);
    }

    public SandboxOptions withExpiredDeltaTokenStatus(int v) {
        return new SandboxOptions(host, port, dataDir, seedAccounts, faults, activity, activityEvery, seed, tokenTtl,
                deltaTokenTtl, keyIndexDelay, timestampPrecision, v, setUp);
    }

    /**
     * Starts as an org on which setup has run (tests and the demo until they run p2c-sync's own setup): every p2c_
     * column of p2c-columns.yaml and the alternate keys the shipped mappings address records by are created through
     * the sandbox's metadata Web API when it starts (README, "A fresh org and the metadata Web API").
     */
    public SandboxOptions withSetUp() {
        return new SandboxOptions(host, port, dataDir, seedAccounts, faults, activity, activityEvery, seed, tokenTtl,
                deltaTokenTtl, keyIndexDelay, timestampPrecision, expiredDeltaTokenStatus, true);
    }
}
