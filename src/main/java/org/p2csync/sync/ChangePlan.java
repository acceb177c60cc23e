package org.p2csync.sync;

/**
 * Where a dry run ({@code plan}) puts what it found: the target side tells each record it compared, the engine's last
 * stage each page as it came through the route, with every record's status. Registered in the Camel registry only
 * for a plan, whose target endpoints then write nothing.
 */
public interface ChangePlan {
    /** How many more records of the area the target side should compare with the target's current copies. */
    int toCompare(String area);

    void planned(PlannedChange change);

    /** A page at the end of the route: nothing of it was written or recorded. */
    void passed(Batch batch);
}
