package org.p2csync.sync;

/** Looks up what each configured area reads; the application registers one instance in the Camel registry. */
public interface Areas {
    /** @throws IllegalArgumentException naming the area when it has no mapping */
    ReadSpec readSpec(String area);
}
