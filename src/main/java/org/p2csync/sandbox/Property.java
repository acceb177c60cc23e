package org.p2csync.sandbox;

/**
 * One typed property of a simulated entity set.
 *
 * @param maxLength the longest string the service accepts, or null when unbounded
 * @param stamp whether the service sets it itself on writes; such values in request bodies are ignored
 */
record Property(String name, EdmType type, Integer maxLength, boolean nullable, Stamp stamp) {
    /** Server-maintained timestamps: createdon is set once, modifiedon on every write. */
    enum Stamp { NONE, CREATED, MODIFIED }

    static Property string(String name, int maxLength) {
        return new Property(name, EdmType.STRING, maxLength, true, Stamp.NONE);
    }

    static Property of(String name, EdmType type) {
        return new Property(name, type, null, true, Stamp.NONE);
    }

    static Property key(String name, EdmType type, Integer maxLength) {
        return new Property(name, type, maxLength, false, Stamp.NONE);
    }

    static Property created(String name) {
        return new Property(name, EdmType.DATETIME, null, true, Stamp.CREATED);
    }

    static Property modified(String name) {
        return new Property(name, EdmType.DATETIME, null, true, Stamp.MODIFIED);
    }

    boolean serverManaged() {
        return stamp != Stamp.NONE;
    }

    /** SQL column names are quoted so mixed-case ERP names survive as declared. */
    String column() {
        return '"' + name + '"';
    }
}
