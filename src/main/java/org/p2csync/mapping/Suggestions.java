package org.p2csync.mapping;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean X?": the known name closest to a misspelt one, when it is close enough to be a typo. */
public final class Suggestions {
    private Suggestions() {}

    static Optional<String> closest(String wrong, Collection<String> known) {
        return closest(wrong, known, Math.max(2, wrong.length() / 4));
    }

    /** The known name closest to {@code wrong} within {@code limit} edits (a tie goes to the first in order). */
    public static Optional<String> closest(String wrong, Collection<String> known, int limit) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(wrong.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d <= limit && (d < bestDistance || d == bestDistance && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code "; did you mean X?"} for the closest known name, or empty text when none is close. */
    static String didYouMean(String wrong, Collection<String> known) {
        return closest(wrong, known).map(s -> "; did you mean " + s + "?").orElse("");
    }

    /** Levenshtein distance; names are short, so the plain two-row version is enough. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
