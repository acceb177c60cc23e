package org.p2csync.mapping;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One compiled filter condition. Values compare as text after numbers lose trailing zeros, so a YAML {@code 3}
 * matches a JSON 3, 3.0 or "3"; a null expected value matches an empty source value.
 */
sealed interface Condition {
    /** Accepts every record: a mapping without a filter. */
    Condition ANY_RECORD = new All(List.of());

    /** Null when the record passes, otherwise why it does not, for people (e.g. "customertypecode is 8, not 3"). */
    String rejection(Map<String, Object> row);

    /** The condition itself for people, e.g. "customertypecode = 3". */
    String describe();

    private static boolean same(Object actual, String expected) {
        return expected == null ? Values.isEmpty(actual) : expected.equals(Values.text(actual));
    }

    record Equals(String field, String expected) implements Condition {
        public String rejection(Map<String, Object> row) {
            Object actual = row.get(field);
            return same(actual, expected) ? null : field + " is " + Values.show(actual) + ", not " + expected;
        }

        public String describe() {
            return field + " = " + expected;
        }
    }

    record NotEquals(String field, String excluded) implements Condition {
        public String rejection(Map<String, Object> row) {
            Object actual = row.get(field);
            return same(actual, excluded) ? field + " is " + Values.show(actual) : null;
        }

        public String describe() {
            return field + " != " + excluded;
        }
    }

    record In(String field, List<String> expected) implements Condition {
        public In {
            // null stands for "empty" (in: [None, ~]), which List.copyOf would refuse
            expected = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(expected));
        }

        public String rejection(Map<String, Object> row) {
            Object actual = row.get(field);
            for (String e : expected) {
                if (same(actual, e)) {
                    return null;
                }
            }
            return field + " is " + Values.show(actual) + ", not one of " + String.join(", ", expected);
        }

        public String describe() {
            return field + " in (" + String.join(", ", expected) + ")";
        }
    }

    record All(List<Condition> all) implements Condition {
        public All {
            all = List.copyOf(all);
        }

        public String rejection(Map<String, Object> row) {
            for (Condition c : all) {
                String why = c.rejection(row);
                if (why != null) {
                    return why;
                }
            }
            return null;
        }

        public String describe() {
            return all.stream().map(Condition::describe).collect(Collectors.joining(" and ", "(", ")"));
        }
    }

    record Any(List<Condition> any) implements Condition {
        public Any {
            any = List.copyOf(any);
        }

        public String rejection(Map<String, Object> row) {
            StringBuilder why = new StringBuilder("none of: ");
            for (int i = 0; i < any.size(); i++) {
                String r = any.get(i).rejection(row);
                if (r == null) {
                    return null;
                }
                why.append(i == 0 ? "" : "; ").append(r);
            }
            return why.toString();
        }

        public String describe() {
            return any.stream().map(Condition::describe).collect(Collectors.joining(" or ", "(", ")"));
        }
    }

    record Not(Condition negated) implements Condition {
        public String rejection(Map<String, Object> row) {
            return negated.rejection(row) == null ? "excluded by not: " + negated.describe() : null;
        }

        public String describe() {
            return "not " + negated.describe();
        }
    }
}
