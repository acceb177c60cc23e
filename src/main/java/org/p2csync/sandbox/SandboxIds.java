package org.p2csync.sandbox;

/** Fixed identifiers of the sandbox that mapping files and demos rely on; they never change between runs. */
public final class SandboxIds {
    public static final String CLIENT_ID = "p2c-demo";
    public static final String CLIENT_SECRET = "p2c-demo-secret";
    public static final String CURRENCY_USD = "5c5a9f3e-0000-4000-8000-000000000840";
    public static final String CURRENCY_EUR = "5c5a9f3e-0000-4000-8000-000000000978";
    /** The ERP company that reads return unless the client asks for cross-company=true. */
    public static final String DEFAULT_COMPANY = "usmf";

    private SandboxIds() {}
}
