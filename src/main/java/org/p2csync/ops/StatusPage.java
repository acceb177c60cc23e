package org.p2csync.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.p2csync.state.AreaStatus;
import org.p2csync.state.ConflictRow;
import org.p2csync.state.ErrorRow;
import org.p2csync.state.HeldRecord;
import org.p2csync.state.PendingRecord;
import org.p2csync.state.RunRecord;
import org.p2csync.sync.Cursor;
import org.p2csync.sync.RunCounts;

/**
 * The status page as plain server-rendered HTML: no script, no external file, readable on a phone. One section per
 * area: its state, its buttons, its last runs, open errors (payload on demand), waiting and held records, conflicts.
 */
final class StatusPage {
    /** One area as the page shows it. */
    record AreaView(AreaStatus status, Optional<String> paused, List<AreaAction> actions, Optional<String> lastAction) {
        AreaView {
            actions = List.copyOf(actions);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;padding:0 .8rem 2rem;\
            color:#1d2430;background:#f6f7f9;line-height:1.4}
            header{display:flex;flex-wrap:wrap;align-items:baseline;gap:.3rem 1rem}
            h1{font-size:1.4rem;margin:.8rem 0 .2rem}h2{font-size:1.15rem;margin:0;display:flex;gap:.5rem;\
            align-items:center;flex-wrap:wrap}h3{font-size:.95rem;margin:.9rem 0 .3rem}
            nav{margin:.4rem 0 .8rem}nav a{margin-right:.6rem}
            section.area{background:#fff;border:1px solid #d8dce3;border-radius:8px;padding:.7rem .9rem;\
            margin:.8rem 0;max-width:70rem}
            .badge{font-size:.78rem;font-weight:600;border-radius:1rem;padding:.05rem .55rem;border:1px solid}
            .Completed{color:#166534;border-color:#86efac;background:#f0fdf4}
            .Warning{color:#854d0e;border-color:#fde047;background:#fefce8}
            .Error,.paused{color:#991b1b;border-color:#fca5a5;background:#fef2f2}
            .Running,.never{color:#1e40af;border-color:#93c5fd;background:#eff6ff}
            .meta{color:#4b5563;font-size:.9rem;margin:.3rem 0;overflow-wrap:anywhere}
            .scroll{overflow-x:auto}table{border-collapse:collapse;font-size:.88rem;min-width:32rem}
            th,td{text-align:left;padding:.2rem .5rem;border-bottom:1px solid #e5e7eb;white-space:nowrap}
            td.n,th.n{text-align:right}
            ul{padding-left:1.1rem;margin:.2rem 0}li{margin:.25rem 0;overflow-wrap:anywhere}
            .stage{font-family:ui-monospace,monospace;font-size:.85rem;background:#f3f4f6;padding:0 .3rem;\
            border-radius:4px}
            details{margin:.2rem 0 .4rem}summary{cursor:pointer;color:#1d4ed8}
            pre{background:#f3f4f6;padding:.5rem;border-radius:6px;overflow-x:auto;font-size:.8rem;max-height:20rem}
            form.actions{display:flex;flex-wrap:wrap;gap:.4rem;margin:.5rem 0}
            button{font:inherit;padding:.35rem .8rem;border-radius:6px;border:1px solid #1d4ed8;background:#2563eb;\
            color:#fff;cursor:pointer}
            input{font:inherit;padding:.3rem;border:1px solid #9ca3af;border-radius:6px}
            .done{background:#eff6ff;border-left:4px solid #2563eb;padding:.3rem .6rem;margin:.4rem 0}
            .none{color:#6b7280}
            """;

    private StatusPage() {}

    static String render(List<AreaView> areas, boolean askToken, Instant now) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>p2c-sync status</title><style>").append(STYLE).append("</style></head><body>\n")
                .append("<header><h1>p2c-sync</h1><span class=\"meta\">as of ")
                .append(Html.escape(now.truncatedTo(ChronoUnit.SECONDS))).append(" · <a href=\"/\">refresh</a> · ")
                .append("<a href=\"/observe/health\">health</a> · <a href=\"/observe/metrics\">metrics</a></span>")
                .append("</header>\n<nav>");
        for (AreaView area : areas) {
            html.append("<a href=\"#area-").append(Html.escape(area.status().area())).append("\">")
                    .append(Html.escape(area.status().area())).append("</a>");
        }
        html.append("</nav>\n");
        for (AreaView area : areas) {
            section(html, area, askToken);
        }
        return html.append("</body></html>\n").toString();
    }

    private static void section(StringBuilder html, AreaView view, boolean askToken) {
        AreaStatus s = view.status();
        String area = Html.escape(s.area());
        html.append("<section class=\"area\" id=\"area-").append(area).append("\"><h2>").append(area).append(' ');
        Optional<RunRecord> last = s.lastRun();
        String outcome = last.map(RunRecord::outcome).orElse("never");
        html.append("<span class=\"badge ").append(Html.escape(outcome)).append("\">")
                .append(last.isPresent() ? Html.escape(outcome) : "never run").append("</span>");
        view.paused().ifPresent(why -> html.append("<span class=\"badge paused\">paused</span>"));
        html.append("</h2>\n");
        view.paused().ifPresent(why -> html.append("<p class=\"meta\">paused: ").append(Html.escape(why))
                .append("</p>"));
        html.append("<p class=\"meta\">cursor: ").append(Html.escape(cursor(s.cursor()))).append(" · open errors: ")
                .append(s.openErrors()).append(" · waiting: ").append(s.waiting()).append(" · held: ").append(s.held())
                .append("</p>\n");
        view.lastAction().ifPresent(done -> html.append("<p class=\"done\">").append(Html.escape(done))
                .append("</p>\n"));
        actions(html, view, askToken);
        runs(html, s.runs());
        errors(html, s);
        waiting(html, s);
        held(html, s);
        conflicts(html, s.conflicts());
        html.append("</section>\n");
    }

    private static void actions(StringBuilder html, AreaView view, boolean askToken) {
        for (AreaAction action : view.actions()) {
            html.append("<form class=\"actions\" method=\"post\" action=\"/areas/")
                    .append(Html.escape(view.status().area())).append('/').append(Html.escape(action.name()))
                    .append("\">");
            if (askToken) {
                html.append("<input type=\"password\" name=\"token\" placeholder=\"token\" aria-label=\"token\">");
            }
            html.append("<button type=\"submit\">").append(Html.escape(action.label())).append("</button></form>\n");
        }
    }

    private static void runs(StringBuilder html, List<RunRecord> runs) {
        html.append("<h3>Last runs</h3>");
        if (runs.isEmpty()) {
            html.append("<p class=\"none\">none yet</p>\n");
            return;
        }
        html.append("<div class=\"scroll\"><table><thead><tr><th>started</th><th>outcome</th><th class=\"n\">read</th>")
                .append("<th class=\"n\">written</th><th class=\"n\">unchanged</th><th class=\"n\">failed</th>")
                .append("<th class=\"n\">waiting</th><th class=\"n\">conflicts</th><th class=\"n\">took</th>")
                .append("<th>requests</th></tr></thead><tbody>\n");
        for (RunRecord run : runs) {
            RunCounts c = run.counts();
            html.append("<tr><td>").append(Html.escape(run.startedAt().truncatedTo(ChronoUnit.SECONDS)))
                    .append("</td><td><span class=\"badge ").append(Html.escape(run.outcome())).append("\">")
                    .append(Html.escape(run.outcome())).append("</span></td>");
            for (long n : new long[] {c.read(), c.written(), c.unchanged(), c.failed(), c.waiting(), c.conflicts()}) {
                html.append("<td class=\"n\">").append(n).append("</td>");
            }
            html.append("<td class=\"n\">").append(run.finishedAt() == null ? "running"
                    : seconds(Duration.between(run.startedAt(), run.finishedAt()))).append("</td><td>")
                    .append(Html.escape(run.requests().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))))
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table></div>\n");
    }

    private static void errors(StringBuilder html, AreaStatus s) {
        html.append("<h3>Open errors (").append(s.openErrors()).append(")</h3>");
        if (s.errors().isEmpty()) {
            html.append("<p class=\"none\">none</p>\n");
            return;
        }
        html.append("<ul class=\"errors\">");
        for (ErrorRow e : s.errors()) {
            html.append("<li class=\"error\"><b>").append(Html.escape(e.recordKey())).append("</b> <span class=\"stage\">")
                    .append(Html.escape(e.stage())).append("</span> ").append(Html.escape(e.reason()))
                    .append(" <span class=\"meta\">").append(Html.escape(e.createdAt().truncatedTo(ChronoUnit.SECONDS)))
                    .append("</span>");
            if (e.payload() != null) {
                html.append("<details><summary>payload</summary><pre class=\"payload\">")
                        .append(Html.escape(pretty(e.payload()))).append("</pre></details>");
            }
            html.append("</li>\n");
        }
        html.append("</ul>");
        more(html, s.openErrors(), s.errors().size());
    }

    private static void waiting(StringBuilder html, AreaStatus s) {
        if (s.waiting() == 0) {
            return;
        }
        html.append("<h3>Waiting (").append(s.waiting()).append(")</h3><ul>");
        for (PendingRecord p : s.waitingShown()) {
            html.append("<li><b>").append(Html.escape(p.sourceKey() == null ? p.sourceId() : p.sourceKey()))
                    .append("</b> ").append(Html.escape(p.reason())).append(" <span class=\"meta\">since ")
                    .append(Html.escape(p.firstSeen().truncatedTo(ChronoUnit.SECONDS))).append(", ")
                    .append(p.attempts()).append(" attempt(s)</span></li>\n");
        }
        html.append("</ul>");
        more(html, s.waiting(), s.waitingShown().size());
    }

    private static void held(StringBuilder html, AreaStatus s) {
        if (s.held() == 0) {
            return;
        }
        html.append("<h3>Held by the mapping's require (").append(s.held()).append(")</h3><ul>");
        for (HeldRecord h : s.heldShown()) {
            html.append("<li><b>").append(Html.escape(h.recordKey())).append("</b> ").append(Html.escape(h.reason()))
                    .append(" <span class=\"meta\">since ").append(Html.escape(h.since().truncatedTo(ChronoUnit.SECONDS)))
                    .append("</span></li>\n");
        }
        html.append("</ul>");
        more(html, s.held(), s.heldShown().size());
    }

    private static void conflicts(StringBuilder html, List<ConflictRow> conflicts) {
        if (conflicts.isEmpty()) {
            return;
        }
        html.append("<h3>Recent conflicts</h3><p class=\"meta\">changed at the target too; the owner's values were")
                .append(" written</p><ul>");
        for (ConflictRow c : conflicts) {
            html.append("<li><b>").append(Html.escape(c.recordKey())).append("</b> ")
                    .append(Html.escape(c.fields().stream()
                            .map(f -> f.name() + " found " + f.found() + ", written " + f.written())
                            .collect(Collectors.joining("; "))))
                    .append(" <span class=\"meta\">").append(Html.escape(c.detectedAt().truncatedTo(ChronoUnit.SECONDS)))
                    .append("</span></li>\n");
        }
        html.append("</ul>");
    }

    private static void more(StringBuilder html, long total, int shown) {
        if (total > shown) {
            html.append("<p class=\"meta\">... and ").append(total - shown).append(" more</p>\n");
        }
    }

    private static String cursor(Cursor cursor) {
        if (cursor instanceof Cursor.Watermark w) {
            return "next run reads from modified " + w.modified() + " on (that second again)";
        }
        if (cursor instanceof Cursor.DeltaLink) {
            return "change-tracking delta link";
        }
        return "start (nothing read yet)";
    }

    private static String seconds(Duration took) {
        return String.format("%.1f s", took.toMillis() / 1000.0);
    }

    /** The payload indented for reading; as stored when it is not JSON. */
    private static String pretty(String payload) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(payload));
        } catch (JsonProcessingException e) {
            return payload;
        }
    }
}
