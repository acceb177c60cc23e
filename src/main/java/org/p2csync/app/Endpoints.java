package org.p2csync.app;

/** The two systems a runtime talks to: configured real services, or the sandbox. */
public record Endpoints(ServiceSettings crm, ServiceSettings erp) {}
