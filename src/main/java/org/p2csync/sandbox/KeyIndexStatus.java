package org.p2csync.sandbox;

/**
 * Where the index of a Dataverse alternate key stands (the metadata API's EntityKeyIndexStatus, names as it serves
 * them). Only an Active key addresses records.
 */
enum KeyIndexStatus {
    Pending,
    InProgress,
    Active,
    Failed;

    boolean building() {
        return this == Pending || this == InProgress;
    }
}
