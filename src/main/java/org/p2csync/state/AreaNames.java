package org.p2csync.state;

/** Area names as the state tables hold them. */
final class AreaNames {
    static final int MAX_LENGTH = 100;

    private AreaNames() {}

    static String require(String area) {
        if (area == null || area.isBlank() || area.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "Invalid area name '" + area + "': 1 to " + MAX_LENGTH + " characters expected");
        }
        return area;
    }
}
