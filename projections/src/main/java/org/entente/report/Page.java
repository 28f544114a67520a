package org.entente.report;

import static org.entente.report.Scale.num;
import static org.entente.report.Scale.two;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.entente.core.Organisation;
import org.entente.core.Source;
import org.entente.partnership.Status;
import org.entente.timeline.TimelineEntry;

/**
 * The HTML document: head with its Content-Security-Policy, header, legend, the charts, the board with
 * its slider and network, the timeline, then the embedded data and the script. Every value is escaped
 * ({@link Html}); the only {@code <script>} elements are the data block and the page's own script,
 * whose hash the policy names, so that no other script could run even if one slipped in.
 */
final class Page {

    private static final String CSS = resource("report.css");
    private static final String JS = resource("report.js");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The network's centre and radius, shared with the script through the data. */
    private static final double NET_CX = 230;
    private static final double NET_CY = 200;
    private static final double NET_R = 145;

    private Page() {
    }

    private static String resource(String name) {
        try (InputStream in = Page.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the report's " + name + " is missing from the classpath; the entente jar is incomplete");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (text.contains("</") || text.contains("<!--")) {
                // Inside <style> or <script>, "</" could end the element: the page's own files must not hold it.
                throw new IllegalStateException("the report's " + name + " holds '</' or '<!--', which would end its element");
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report's " + name + ": " + e.getMessage(), e);
        }
    }

    static void write(ReportData data, Writer w) throws IOException {
        StringBuilder out = new StringBuilder(64 * 1024);
        head(out, data);
        w.write(out.toString());
        out.setLength(0);
        Charts.defs(out);
        header(out, data);
        legend(out);
        out.append("<main>\n");
        section(out, "lanes", "Status of each partnership",
                "One lane per partner: its status day by day, with the exact days it changed. Each dot is a fact;"
                        + " hover over it or focus it (Tab) to read it, click it to find it in the timeline.");
        Charts.lanes(out, data);
        out.append("</section>\n");
        w.write(out.toString());
        out.setLength(0);
        section(out, "temperature", "Temperature and trend",
                "The decayed sum of fact weights (half-life 90 days), one chart per partner on the same scale;"
                        + " the strip below each shows the trend over 90 days (\u25B2 warming, = steady, \u25BC cooling).");
        Charts.temperatures(out, data);
        out.append("</section>\n");
        section(out, "security", data.isDyad() ? "Security weight" : "Security partners over time",
                data.isDyad() ? "How many of the four security elements the dyad has (a military agreement in force, forces present,"
                        + " a defence attach\u00e9 in post, a military or security pledge within the window)."
                        : "Each security partner's share of the total security weight, stacked; the dashed line is"
                        + " diversification (1 \u2212 concentration) on the same scale, and the chart below the effective number of partners.");
        Charts.security(out, data);
        out.append("</section>\n");
        w.write(out.toString());
        out.setLength(0);
        board(out, data);
        w.write(out.toString());
        out.setLength(0);
        timeline(out, data);
        out.append("</main>\n<div id=\"tooltip\" role=\"tooltip\" hidden></div>\n");
        out.append("<footer>Written by Entente on ").append(data.written).append(" from the history named above. Statuses,"
                + " temperatures and security weights are Entente's definitions (docs/DOMAIN.md); this page needs no network.</footer>\n");
        out.append("<script type=\"application/json\" id=\"report-data\">").append(Html.json(json(data))).append("</script>\n");
        out.append("<script>").append(JS).append("</script>\n</body>\n</html>\n");
        w.write(out.toString());
        w.flush();
    }

    private static String title(ReportData data) {
        String subject = data.dyad.map(d -> d.first().name() + " and " + d.second().name() + " (" + d.id() + ")")
                .orElse(data.centre.name() + " (" + data.centre.code() + ")");
        return ReportText.line(subject) + ": partnerships from " + data.from + " to " + data.to;
    }

    private static void head(StringBuilder out, ReportData data) {
        String policy = "default-src 'none'; script-src " + Html.sha256Source(JS) + "; style-src " + Html.sha256Source(CSS)
                + "; img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'";
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(policy).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"Entente ").append(Report.DATA_FORMAT).append("\">\n")
                .append("<title>").append(Html.text(title(data))).append("</title>\n")
                .append("<style>").append(CSS).append("</style>\n</head>\n<body>\n");
    }

    private static void section(StringBuilder out, String id, String heading, String hint) {
        out.append("<section id=\"").append(id).append("\" aria-labelledby=\"").append(id).append("-title\">\n<h2 id=\"")
                .append(id).append("-title\">").append(Html.text(heading)).append("</h2>\n<p class=\"hint\">")
                .append(Html.text(hint)).append("</p>\n");
    }

    private static void header(StringBuilder out, ReportData data) {
        out.append("<header id=\"report-header\" data-subject=\"").append(Html.text(data.dyad.map(d -> d.id()).orElse(data.centre.code())))
                .append("\" data-from=\"").append(data.from).append("\" data-to=\"").append(data.to).append("\" data-as-of=\"")
                .append(data.asOf).append("\" data-known-at=\"").append(data.knownAt.map(Object::toString).orElse(""))
                .append("\" data-published-by=\"").append(data.publishedBy.map(Object::toString).orElse("")).append("\">\n");
        out.append("<h1>").append(Html.text(title(data))).append("</h1>\n<dl class=\"facts\">\n");
        long days = ChronoUnit.DAYS.between(data.from, data.to) + 1;
        String range = data.from + " to " + data.to + " (" + String.format(Locale.ROOT, "%,d", days) + (days == 1 ? " day" : " days") + ")";
        String first = data.firstFact.map(f -> "; the subject's first fact: " + f).orElse("; no fact is recorded for the subject");
        String why = !data.fromDefaulted ? "" : data.firstFact.isPresent() && !data.firstFact.get().day().isBefore(data.from)
                ? " (the range starts with it)"
                : " (the range starts " + ReportData.DEFAULT_YEARS + " years before its end by default; --from shows earlier years)";
        item(out, "Range", range + first + why, "range");
        item(out, "Known at", data.knownAt.map(i -> i + ": facts, corrections and retractions recorded later are left out")
                .orElse("everything recorded when the report was written (" + data.written + ")"), "known-at");
        item(out, "Published by", data.publishedBy.map(d -> d + ": only facts with a source published by then (background"
                + " sources count as published)").orElse("no filter: every fact, whatever its sources' dates"), "published-by");
        item(out, "History from", data.origin, "origin");
        item(out, "Board day", data.asOf + " (move the slider in \u201cThe board on a day\u201d to change it)", "board-day-item");
        long partners = data.lanes.size();
        item(out, "Contents", partners + (partners == 1 ? " partner, " : " partners, ") + data.entries.size()
                + (data.entries.size() == 1 ? " fact" : " facts") + " in the range", "contents");
        out.append("</dl>\n<nav aria-label=\"Sections\"><a href=\"#legend\">Legend</a><a href=\"#lanes\">Status lanes</a>")
                .append("<a href=\"#temperature\">Temperature</a><a href=\"#security\">Security partners</a>")
                .append("<a href=\"#board\">Board on a day</a><a href=\"#timeline\">Timeline</a></nav>\n</header>\n");
    }

    private static void item(StringBuilder out, String term, String value, String id) {
        out.append("<dt>").append(Html.text(term)).append("</dt><dd id=\"").append(id).append("\">").append(Html.text(value))
                .append("</dd>\n");
    }

    private static void legend(StringBuilder out) {
        out.append("<section id=\"legend\" aria-labelledby=\"legend-title\">\n<h2 id=\"legend-title\">Legend</h2>\n<ul class=\"legend\">\n");
        String[][] statuses = {
            {"SEVERED", "diplomatic relations are severed"},
            {"WINDING_DOWN", "military ties remain, and a winding-down step is unresolved"},
            {"ENDED", "military ties existed, none remain, and no cooperative step since"},
            {"STRENGTHENING", "a cooperative step within the status window (180 days by default), none winding down after it"},
            {"ACTIVE", "something is recorded, and none of the above applies"},
            {"NONE", "nothing recorded yet"}};
        for (String[] s : statuses) {
            Status status = Status.valueOf(s[0]);
            out.append("<li data-status=\"").append(s[0]).append("\">");
            Charts.swatch(out, status);
            out.append(" <span><b>").append(s[0]).append("</b> (").append(Charts.words(status)).append("): ").append(Html.text(s[1]))
                    .append("</span></li>\n");
        }
        out.append("<li><span class=\"glyph\">\u25CF</span> a fact (hover or focus it)</li>\n")
                .append("<li><span class=\"glyph\">\u25CB</span> a retracted fact (dashed)</li>\n")
                .append("<li><span class=\"glyph\">\u25C9</span> a corrected fact (ringed: revision 2 or later)</li>\n")
                .append("<li><span class=\"glyph\">\u25B2 = \u25BC</span> trend: warming, steady, cooling</li>\n")
                .append("<li><span class=\"glyph\">\u2504</span> the board's day, on the lanes</li>\n")
                .append("</ul>\n<p class=\"hint\">Colours are Okabe and Ito's, readable with the common colour-vision deficiencies;"
                        + " each status also has its own pattern and is named in words wherever there is room.</p>\n</section>\n");
    }

    private static void board(StringBuilder out, ReportData data) {
        long max = ChronoUnit.DAYS.between(data.from, data.to);
        long value = ChronoUnit.DAYS.between(data.from, data.asOf);
        section(out, "board", "The board on a day", "Move the slider (or type a day) to see the partners, their status and"
                + " security weight on that day; the network redraws with the country in the centre, each edge coloured and"
                + " dashed by status and as thick as the security weight.");
        out.append("<div id=\"day-controls\"><label for=\"day\">Day</label> <input type=\"range\" id=\"day\" min=\"0\" max=\"")
                .append(max).append("\" step=\"1\" value=\"").append(value).append("\" data-from=\"").append(data.from)
                .append("\" data-to=\"").append(data.to).append("\" autocomplete=\"off\" aria-valuetext=\"").append(data.asOf)
                .append("\"> <output id=\"day-value\" for=\"day\">").append(data.asOf).append("</output> <label for=\"day-date\">or type a day</label>")
                .append(" <input type=\"text\" id=\"day-date\" inputmode=\"numeric\" pattern=\"\\d{4}-\\d{2}-\\d{2}\" placeholder=\"YYYY-MM-DD\"")
                .append(" size=\"10\" maxlength=\"10\" value=\"").append(data.asOf).append("\" autocomplete=\"off\"></div>\n");
        List<Board.Row> rows = Board.rows(data, data.asOf);
        out.append("<div class=\"board-grid\"><div>\n<table id=\"board-table\"><caption>Partners of ")
                .append(Html.text(ReportText.line(data.centre.name()))).append(" on <span id=\"board-day\">").append(data.asOf)
                .append("</span></caption>\n<thead><tr><th scope=\"col\">Partner</th><th scope=\"col\">Status</th>")
                .append("<th scope=\"col\">Temperature</th><th scope=\"col\">Trend</th><th scope=\"col\">Security weight</th>")
                .append("<th scope=\"col\">Agreements in force</th><th scope=\"col\">Forces present</th>")
                .append("<th scope=\"col\">Envoys in post</th><th scope=\"col\">Last fact</th></tr></thead>\n<tbody>\n");
        for (Board.Row r : rows) {
            ReportData.Span s = r.span();
            ReportData.Cells c = data.cells.get(s.cells());
            String partner = r.lane().partner().code();
            out.append("<tr data-partner=\"").append(Html.text(partner)).append("\" data-status=\"").append(s.status().name())
                    .append("\" data-weight=\"").append(s.weight()).append("\" data-trend=\"").append(s.trend().name())
                    .append("\" data-temperature=\"").append(two(r.temperature())).append("\"><td class=\"partner\">")
                    .append(Html.text(partner + " " + ReportText.line(r.lane().partner().name()))).append("</td><td class=\"status\">");
            Charts.swatch(out, s.status());
            out.append(' ').append(s.status().name());
            if (s.membership() != org.entente.core.relationship.RelationshipState.MembershipStatus.NONE) {
                out.append("<br><span class=\"membership\">membership: ").append(s.membership().name()).append("</span>");
            }
            out.append("</td><td class=\"num temperature\">").append(two(r.temperature())).append("</td><td class=\"trend\">")
                    .append(Charts.words(s.trend())).append("</td><td class=\"num weight\">").append(s.weight()).append("</td>");
            for (String cell : List.of(c.agreements(), c.forces(), c.envoys(), c.lastFact())) {
                out.append("<td>").append(Html.text(cell)).append("</td>");
            }
            out.append("</tr>\n");
        }
        if (rows.isEmpty()) {
            out.append("<tr class=\"empty\"><td colspan=\"9\">No partner on this day.</td></tr>\n");
        }
        out.append("</tbody></table>\n");
        mix(out, data, Board.mix(rows));
        out.append("</div>\n");
        network(out, data, rows);
        out.append("</div>\n</section>\n");
    }

    private static void mix(StringBuilder out, ReportData data, Optional<Board.Mix> mix) {
        if (data.isDyad()) {
            out.append("<p id=\"mix\">Diversification and the effective number of partners are a country's figures,"
                    + " over all its partners: see the country's report. <span id=\"security-partners\" hidden></span>"
                    + "<span id=\"security-total\" hidden></span><span id=\"diversification\" data-value=\"\" hidden>-</span>"
                    + "<span id=\"effective-partners\" data-value=\"\" hidden>-</span><span id=\"concentration\" data-value=\"\" hidden>-</span></p>\n");
            return;
        }
        String partners = mix.map(m -> String.join(", ", m.partners().stream()
                .map(r -> r.lane().partner().code() + " " + r.span().weight()).toList())).orElse("none");
        out.append("<p id=\"mix\">Security partners (weight of <span id=\"security-total\">").append(mix.map(Board.Mix::total).orElse(0))
                .append("</span>): <span id=\"security-partners\">").append(Html.text(partners)).append("</span>. Diversification ");
        figure(out, "diversification", mix.map(Board.Mix::diversification));
        out.append(", effective number of partners ");
        figure(out, "effective-partners", mix.map(Board.Mix::effective));
        out.append(", concentration ");
        figure(out, "concentration", mix.map(Board.Mix::concentration));
        out.append(".</p>\n");
    }

    private static void figure(StringBuilder out, String id, Optional<Double> value) {
        out.append("<span id=\"").append(id).append("\" data-value=\"").append(value.map(Scale::two).orElse("")).append("\">")
                .append(value.map(Scale::two).orElse("-")).append("</span>");
    }

    private static void network(StringBuilder out, ReportData data, List<Board.Row> rows) {
        out.append("<svg id=\"network\" viewBox=\"0 0 460 410\" role=\"img\" aria-label=\"").append(Html.text("Partners of "
                + ReportText.line(data.centre.name()) + " on the board's day, by status and security weight")).append("\">\n<g id=\"network-edges\">");
        int n = Math.max(1, data.lanes.size());
        StringBuilder nodes = new StringBuilder();
        for (Board.Row r : rows) {
            int index = data.lanes.indexOf(r.lane());
            double a = -Math.PI / 2 + 2 * Math.PI * index / n;
            String x = String.format(Locale.ROOT, "%.1f", NET_CX + NET_R * Math.cos(a));
            String y = String.format(Locale.ROOT, "%.1f", NET_CY + NET_R * Math.sin(a));
            String partner = Html.text(r.lane().partner().code());
            Status st = r.span().status();
            out.append("<line class=\"edge s-").append(st.name()).append("\" data-partner=\"").append(partner).append("\" data-status=\"")
                    .append(st.name()).append("\" data-weight=\"").append(r.span().weight()).append("\" x1=\"").append(num(NET_CX))
                    .append("\" y1=\"").append(num(NET_CY)).append("\" x2=\"").append(x).append("\" y2=\"").append(y)
                    .append("\" stroke-width=\"").append(num(1.5 + 2.5 * r.span().weight())).append("\"/>");
            double yy = Double.parseDouble(y);
            nodes.append("<g class=\"node\" data-partner=\"").append(partner).append("\" data-status=\"").append(st.name())
                    .append("\"><circle class=\"s-").append(st.name()).append("\" cx=\"").append(x).append("\" cy=\"").append(y)
                    .append("\" r=\"15\" fill=\"url(#p-").append(st.name()).append(")\"/><text class=\"node-code\" x=\"").append(x)
                    .append("\" y=\"").append(String.format(Locale.ROOT, "%.1f", yy + 27)).append("\">").append(partner)
                    .append("</text><text class=\"node-status\" x=\"").append(x).append("\" y=\"")
                    .append(String.format(Locale.ROOT, "%.1f", yy + 39)).append("\">").append(Charts.words(st)).append(" \u00b7 ")
                    .append(r.span().weight()).append("</text></g>");
        }
        out.append("</g>\n<g id=\"network-nodes\">").append(nodes).append("<g class=\"node centre\" data-actor=\"")
                .append(Html.text(data.centre.code())).append("\"><circle cx=\"").append(num(NET_CX)).append("\" cy=\"").append(num(NET_CY))
                .append("\" r=\"22\"/><text class=\"node-code\" x=\"").append(num(NET_CX)).append("\" y=\"").append(num(NET_CY + 4))
                .append("\">").append(Html.text(data.centre.code())).append("</text></g></g>\n</svg>\n");
    }

    private static void timeline(StringBuilder out, ReportData data) {
        section(out, "timeline", "Timeline", "Every fact of the range in the order it happened, with its sources; addresses"
                + " that are web pages (http or https) are links, any other address is shown as text.");
        out.append("<table id=\"timeline-table\">\n<thead><tr><th scope=\"col\">Day</th><th scope=\"col\">Kind</th>")
                .append("<th scope=\"col\">Actor \u2192 target</th><th scope=\"col\">Fact</th><th scope=\"col\">Details</th>")
                .append("<th scope=\"col\">Sources</th></tr></thead>\n<tbody>\n");
        for (TimelineEntry e : data.entries) {
            String id = Html.text(e.id().value());
            String partner = e.fact().dyad().other(data.centre).code();
            out.append("<tr id=\"fact-").append(id).append("\" data-fact=\"").append(id).append("\" data-day=\"").append(e.day())
                    .append("\" data-kind=\"").append(e.kind().name()).append("\" data-partner=\"").append(Html.text(partner))
                    .append("\" data-revision=\"").append(e.revision()).append("\" data-retracted=\"").append(e.retracted())
                    .append(e.retracted() ? "\" class=\"retracted" : "").append("\"><td class=\"day\">").append(Html.text(e.happened().toString()))
                    .append("</td><td>").append(Html.text(e.kind().label())).append("</td><td>").append(Html.text(e.actor().code()))
                    .append(" \u2192 ").append(Html.text(e.target().code())).append("</td><td><span class=\"fact-id\">").append(id)
                    .append("</span>");
            if (e.revision() > 1) {
                out.append("<br><span class=\"flag\">revision ").append(e.revision()).append(", recorded ").append(e.revisedAt())
                        .append("</span>");
            }
            if (e.retracted()) {
                out.append("<br><span class=\"flag\">retracted ").append(e.retractedAt().get())
                        .append(e.retractionReason().map(r -> ": " + Html.text(ReportText.visible(r, true))).orElse("")).append("</span>");
            }
            out.append("</td><td>").append(Html.text(ReportText.details(e.fact()))).append("</td><td><ul class=\"sources\">");
            for (Source s : e.sources()) {
                source(out, s);
            }
            out.append("</ul></td></tr>\n");
        }
        if (data.entries.isEmpty()) {
            out.append("<tr class=\"empty\"><td colspan=\"6\">No fact in the range.</td></tr>\n");
        }
        out.append("</tbody></table>\n</section>\n");
    }

    private static void source(StringBuilder out, Source s) {
        out.append("<li class=\"source\" data-kind=\"").append(s.kind().name()).append("\">").append(Html.text(ReportText.source(s)));
        s.address().ifPresent(a -> {
            Optional<String> link = Html.link(a);
            if (link.isPresent()) {
                out.append(" <a class=\"address\" href=\"").append(Html.text(link.get()))
                        .append("\" rel=\"noopener noreferrer\" target=\"_blank\">").append(Html.text(ReportText.line(a))).append("</a>");
            } else {
                out.append(" <span class=\"address\">").append(Html.text(ReportText.line(a))).append("</span>");
            }
        });
        s.note().ifPresent(n -> out.append("<br><span class=\"note\">").append(Html.text(ReportText.visible(n, true))).append("</span>"));
        out.append("</li>");
    }

    /** The data the script redraws the board from; see {@link Report} for its shape. */
    private static String json(ReportData data) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", Report.DATA_FORMAT);
        root.put("centre", data.centre.code());
        if (data.dyad.isPresent()) {
            root.put("dyad", data.dyad.get().id());
        } else {
            root.putNull("dyad");
        }
        root.put("from", data.from.toString());
        root.put("to", data.to.toString());
        root.put("asOf", data.asOf.toString());
        data.knownAt.ifPresentOrElse(i -> root.put("knownAt", i.toString()), () -> root.putNull("knownAt"));
        data.publishedBy.ifPresentOrElse(d -> root.put("publishedBy", d.toString()), () -> root.putNull("publishedBy"));
        root.putArray("plot").add(Scale.PLOT_LEFT).add(Scale.PLOT_RIGHT);
        root.putObject("network").put("cx", NET_CX).put("cy", NET_CY).put("r", NET_R);
        ArrayNode lanes = root.putArray("lanes");
        for (ReportData.Lane l : data.lanes) {
            ObjectNode lane = lanes.addObject();
            lane.put("partner", l.partner().code());
            lane.put("name", ReportText.line(l.partner().name()));
            lane.put("organisation", l.partner() instanceof Organisation);
            ArrayNode spans = lane.putArray("spans");
            for (ReportData.Span s : l.spans()) {
                spans.addArray().add(s.from().toString()).add(s.to().toString()).add(s.status().name()).add(s.weight())
                        .add(s.trend().name()).add(s.membership().name()).add(s.temperature()).add(s.cells());
            }
        }
        ArrayNode cells = root.putArray("cells");
        for (ReportData.Cells c : data.cells) {
            cells.addArray().add(c.agreements()).add(c.forces()).add(c.envoys()).add(c.lastFact());
        }
        ArrayNode facts = root.putArray("facts");
        for (TimelineEntry e : data.entries) {
            ObjectNode f = facts.addObject();
            f.put("id", e.id().value());
            f.put("day", e.day().toString());
            f.put("happened", e.happened().toString());
            f.put("kind", e.kind().label());
            f.put("actor", e.actor().code());
            f.put("target", e.target().code());
            f.put("details", ReportText.details(e.fact()));
            f.put("revision", e.revision());
            f.put("revisedAt", e.revisedAt().toString());
            f.put("retracted", e.retracted());
            e.retractedAt().ifPresent(i -> f.put("retractedAt", i.toString()));
            e.retractionReason().ifPresent(r -> f.put("retractionReason", ReportText.line(r)));
            ArrayNode sources = f.putArray("sources");
            e.sources().forEach(s -> sources.add(ReportText.source(s)));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the report's data: " + e.getOriginalMessage(), e);
        }
    }

    /** Only for the report's own tests: the page's script, whose hash the policy names. */
    static String script() {
        return JS;
    }
}
