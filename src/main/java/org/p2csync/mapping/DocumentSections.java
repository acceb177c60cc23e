package org.p2csync.mapping;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.p2csync.sync.ReadSpec;
import org.p2csync.sync.TargetRecord;

/**
 * Every {@code lines:} section of a document mapping, in declaration order; empty for a record without lines. An
 * invoice, for example, writes its invoice lines (read from the source) and, in the same change set, sets its order
 * Invoiced (a self section): the document is mapped, hashed and written as one. At most one section reads source line
 * rows ({@link LinesCompiler} enforces it), so the read spec has at most one {@link ReadSpec.LinesSpec}.
 */
record DocumentSections(List<DocumentLines> sections) {
    static final DocumentSections NONE = new DocumentSections(List.of());

    DocumentSections {
        sections = List.copyOf(sections);
        if (sections.stream().filter(s -> !s.self()).count() > 1) {
            throw new IllegalArgumentException("only one lines section may read source lines");
        }
    }

    boolean isEmpty() {
        return sections.isEmpty();
    }

    /** What the source reads for the one section that reads line rows, or null when none does. */
    ReadSpec.LinesSpec readSpec() {
        return sections.stream().map(DocumentLines::readSpec).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** The target entity set of the section that reads source lines, or null when none does. */
    String sourceLinesTarget() {
        return sections.stream().filter(s -> !s.self()).map(DocumentLines::targetEntity).findFirst().orElse(null);
    }

    /** Source fields the header row must hold for the self sections. */
    List<String> headerSelect() {
        return sections.stream().flatMap(s -> s.headerSelect().stream()).toList();
    }

    /** Every section's references, for checks against $metadata and the page's prefetch. */
    List<References> refs() {
        return sections.stream().map(DocumentLines::refs).toList();
    }

    /** Why the document is held: the first section with a line that fails its {@code require}; null when none. */
    String held(Map<String, Object> headerRow) {
        for (DocumentLines section : sections) {
            String why = section.held(headerRow);
            if (why != null) {
                return why;
            }
        }
        return null;
    }

    /**
     * Maps every section of one document. A failing section fails the document at once; a waiting one makes it wait
     * (unless a later section fails: a record that would fail anyway fails now). The lines are each section's lines
     * in declaration order, each section sorted by its line key, so the hash does not depend on read order.
     */
    DocumentLines.Outcome apply(Map<String, Object> headerRow, Map<String, Object> headerPayload, Lookups lookups) {
        List<TargetRecord> lines = new ArrayList<>();
        MapResult waiting = null;
        for (DocumentLines section : sections) {
            DocumentLines.Outcome outcome = section.apply(headerRow, headerPayload, lookups);
            if (outcome.problem() instanceof MapResult.Waiting) {
                waiting = waiting == null ? outcome.problem() : waiting;
            } else if (outcome.problem() != null) {
                return outcome;
            } else {
                lines.addAll(outcome.lines());
            }
        }
        if (waiting != null) {
            return DocumentLines.Outcome.of(waiting);
        }
        Set<String> seen = new HashSet<>();
        for (TargetRecord line : lines) {
            // two sections writing the same target record would write it twice in one change set
            if (!seen.add(line.entitySet() + " " + line.keyString())) {
                return DocumentLines.Outcome.of(new MapResult.Failed(line.entitySet(), "two lines sections write the"
                        + " key " + line.keyString()));
            }
        }
        return new DocumentLines.Outcome(List.copyOf(lines), null);
    }
}
