package org.entente.report;

import static org.entente.report.Scale.PLOT_LEFT;
import static org.entente.report.Scale.PLOT_RIGHT;
import static org.entente.report.Scale.WIDTH;
import static org.entente.report.Scale.num;
import static org.entente.report.Scale.two;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import org.entente.partnership.Status;
import org.entente.partnership.Trend;
import org.entente.timeline.TimelineEntry;

/**
 * The page's charts as plain SVG: status lanes with fact markers, temperature small multiples with
 * their trend, and the security shares with diversification. Each element carries the data attributes
 * that {@link Report}'s documentation lists; colours come with patterns and words, never alone.
 */
final class Charts {

    /** Okabe and Ito's palette, safe for the common colour-vision deficiencies, in the order partners take it. */
    static final List<String> PARTNER_COLOURS = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
            "#F0E442", "#000000");

    private static final double LANE_HEIGHT = 36;
    private static final double AXIS_HEIGHT = 26;

    private Charts() {
    }

    /** The colour of a status (patterns tell them apart without it). */
    static String colour(Status s) {
        return switch (s) {
            case SEVERED -> "#D55E00";
            case WINDING_DOWN -> "#E69F00";
            case ENDED -> "#BBBBBB";
            case STRENGTHENING -> "#009E73";
            case ACTIVE -> "#56B4E9";
            case NONE -> "#FFFFFF";
        };
    }

    /** A status in words: {@code winding down}. */
    static String words(Status s) {
        return s == Status.NONE ? "no facts yet" : ReportText.words(s.name());
    }

    /** The trend's sign and word: {@code ▼ cooling}. */
    static String words(Trend t) {
        return switch (t) {
            case WARMING -> "\u25B2 warming";
            case STEADY -> "= steady";
            case COOLING -> "\u25BC cooling";
        };
    }

    /** A hidden SVG holding the patterns every chart refers to ({@code url(#p-WINDING_DOWN)}: in the page, never fetched). */
    static void defs(StringBuilder out) {
        out.append("<svg class=\"defs\" width=\"0\" height=\"0\" aria-hidden=\"true\" focusable=\"false\"><defs>\n");
        for (Status s : Status.values()) {
            out.append("<pattern id=\"p-").append(s.name()).append("\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\"")
                    .append(s == Status.WINDING_DOWN || s == Status.SEVERED ? " patternTransform=\"rotate(45)\"" : "")
                    .append("><rect width=\"8\" height=\"8\" fill=\"").append(colour(s)).append("\"/>");
            switch (s) {
                case WINDING_DOWN -> out.append("<rect width=\"3\" height=\"8\" fill=\"#FFFFFF\" fill-opacity=\"0.55\"/>");
                case SEVERED -> out.append("<rect width=\"3\" height=\"8\" fill=\"#000000\" fill-opacity=\"0.5\"/>"
                        + "<rect width=\"8\" height=\"3\" fill=\"#000000\" fill-opacity=\"0.5\"/>");
                case ENDED -> out.append("<rect y=\"3\" width=\"8\" height=\"2\" fill=\"#666666\" fill-opacity=\"0.6\"/>");
                case ACTIVE -> out.append("<circle cx=\"4\" cy=\"4\" r=\"1.3\" fill=\"#FFFFFF\" fill-opacity=\"0.8\"/>");
                default -> {
                    // STRENGTHENING is plain, NONE is blank: the two ends of the scale
                }
            }
            out.append("</pattern>\n");
        }
        out.append("</defs></svg>\n");
    }

    /** A swatch of a status for the legend and the board. */
    static void swatch(StringBuilder out, Status s) {
        out.append("<svg class=\"swatch\" viewBox=\"0 0 24 14\" width=\"24\" height=\"14\" aria-hidden=\"true\" focusable=\"false\">")
                .append("<rect class=\"segment s-").append(s.name()).append("\" width=\"24\" height=\"14\" fill=\"url(#p-")
                .append(s.name()).append(")\"/></svg>");
    }

    private static void axis(StringBuilder out, ReportData data, Scale scale, double top, double bottom) {
        out.append("<g class=\"axis\" aria-hidden=\"true\">");
        for (Scale.Tick t : Scale.ticks(data.from, data.to)) {
            double x = scale.x(t.day());
            out.append("<line class=\"tick\" x1=\"").append(num(x)).append("\" x2=\"").append(num(x)).append("\" y1=\"")
                    .append(num(top)).append("\" y2=\"").append(num(bottom)).append("\"/>")
                    .append("<text class=\"tick-label\" x=\"").append(num(x + 2)).append("\" y=\"").append(num(top - 6)).append("\">")
                    .append(Html.text(t.label())).append("</text>");
        }
        out.append("</g>\n");
    }

    /** The status lanes: one row per partner, its segments, its facts' markers, and the board's day as a line. */
    static void lanes(StringBuilder out, ReportData data) {
        Scale scale = new Scale(data.from, data.to, PLOT_LEFT, PLOT_RIGHT);
        double height = AXIS_HEIGHT + data.lanes.size() * LANE_HEIGHT + 6;
        out.append("<svg id=\"lanes-chart\" class=\"chart\" viewBox=\"0 0 ").append(num(WIDTH)).append(' ').append(num(height))
                .append("\" role=\"group\" aria-label=\"Status of each partnership from ").append(data.from).append(" to ")
                .append(data.to).append("\">\n");
        axis(out, data, scale, AXIS_HEIGHT, height - 4);
        Map<String, List<TimelineEntry>> byDyad = new LinkedHashMap<>();
        data.entries.forEach(e -> byDyad.computeIfAbsent(e.fact().dyad().id(), k -> new ArrayList<>()).add(e));
        double y = AXIS_HEIGHT;
        for (ReportData.Lane lane : data.lanes) {
            String partner = lane.partner().code();
            String name = ReportText.line(lane.partner().name());
            out.append("<g class=\"lane\" data-partner=\"").append(Html.text(partner)).append("\">");
            String label = partner + " " + name;
            out.append("<text class=\"lane-label\" x=\"4\" y=\"").append(num(y + 28)).append("\">")
                    .append(Html.text(label.length() > 24 ? label.substring(0, 23) + "\u2026" : label))
                    .append("<title>").append(Html.text(label)).append("</title></text>");
            for (ReportData.Segment s : lane.segments()) {
                double x = scale.x(s.from());
                double w = scale.end(s.to()) - x;
                String words = words(s.status());
                out.append("<rect class=\"segment s-").append(s.status().name()).append("\" data-status=\"").append(s.status().name())
                        .append("\" data-from=\"").append(s.from()).append("\" data-to=\"").append(s.to()).append("\" x=\"")
                        .append(num(x)).append("\" y=\"").append(num(y + 16)).append("\" width=\"").append(num(w))
                        .append("\" height=\"16\" fill=\"url(#p-").append(s.status().name()).append(")\"><title>")
                        .append(Html.text(partner + ": " + words + ", " + s.from() + " to " + s.to())).append("</title></rect>");
                if (w > words.length() * 6.2 + 8) {
                    out.append("<text class=\"segment-label\" aria-hidden=\"true\" x=\"").append(num(x + 4)).append("\" y=\"")
                            .append(num(y + 28)).append("\">").append(Html.text(words)).append("</text>");
                }
            }
            markers(out, byDyad.getOrDefault(lane.dyad().id(), List.of()), scale, y + 8);
            out.append("</g>\n");
            y += LANE_HEIGHT;
        }
        double x = scale.mid(data.asOf);
        out.append("<line id=\"day-line\" data-day=\"").append(data.asOf).append("\" x1=\"").append(num(x)).append("\" x2=\"")
                .append(num(x)).append("\" y1=\"").append(num(AXIS_HEIGHT)).append("\" y2=\"").append(num(height - 2))
                .append("\"/>\n</svg>\n");
    }

    /**
     * A lane's markers, in a row above its bar so that they never hide its words: facts of one day side by
     * side around the day (their {@code data-day} says it exactly), a retracted fact hollow, a revised one ringed.
     */
    private static void markers(StringBuilder out, List<TimelineEntry> entries, Scale scale, double centre) {
        Map<LocalDate, List<TimelineEntry>> byDay = new LinkedHashMap<>();
        entries.forEach(e -> byDay.computeIfAbsent(e.day(), d -> new ArrayList<>()).add(e));
        for (Map.Entry<LocalDate, List<TimelineEntry>> day : byDay.entrySet()) {
            List<TimelineEntry> same = day.getValue();
            double mid = scale.mid(day.getKey());
            for (int k = 0; k < same.size(); k++) {
                TimelineEntry e = same.get(k);
                double x = mid + (k - (same.size() - 1) / 2.0) * 8;
                double cy = centre;
                String id = e.id().value();
                out.append("<g class=\"marker").append(e.retracted() ? " retracted" : "").append(e.revision() > 1 ? " revised" : "")
                        .append("\" data-fact=\"").append(Html.text(id)).append("\" data-day=\"").append(e.day())
                        .append("\" data-kind=\"").append(e.kind().name()).append("\" tabindex=\"0\">");
                if (e.revision() > 1) {
                    out.append("<circle class=\"ring\" cx=\"").append(num(x)).append("\" cy=\"").append(num(cy)).append("\" r=\"7\"/>");
                }
                out.append("<circle class=\"dot\" cx=\"").append(num(x)).append("\" cy=\"").append(num(cy)).append("\" r=\"4.5\"/>")
                        .append("<title>").append(Html.text(summary(e))).append("</title></g>");
            }
        }
    }

    /** A fact in one line, for a marker's title (the tooltip shows it in full). */
    static String summary(TimelineEntry e) {
        StringBuilder s = new StringBuilder();
        s.append(e.id().value()).append(": ").append(e.kind().label()).append(", ").append(e.actor().code()).append(" \u2192 ")
                .append(e.target().code()).append(", ").append(e.happened());
        if (e.revision() > 1) {
            s.append(", revision ").append(e.revision());
        }
        e.retractedAt().ifPresent(at -> s.append(", retracted at ").append(at));
        s.append("; sources: ");
        for (int i = 0; i < e.sources().size(); i++) {
            s.append(i == 0 ? "" : " | ").append(ReportText.source(e.sources().get(i)));
        }
        return s.toString();
    }

    /** Temperature small multiples on one scale, each with its trend as a strip of labelled bands. */
    static void temperatures(StringBuilder out, ReportData data) {
        double min = 0;
        double max = 0;
        for (ReportData.Lane lane : data.lanes) {
            for (ReportData.Span s : lane.spans()) {
                min = Math.min(min, Math.min(s.temperature(), s.temperatureOn(s.to())));
                max = Math.max(max, Math.max(s.temperature(), s.temperatureOn(s.to())));
            }
        }
        if (max - min < 1) {
            max += 0.5;
            min -= 0.5;
        }
        double left = 40;
        double right = 314;
        double top = 8;
        double bottom = 78;
        Scale scale = new Scale(data.from, data.to, left, right);
        long step = Math.max(1, data.days() / 140);
        final double lo = min;
        final double hi = max;
        DoubleUnaryOperator yOf = t -> bottom - (t - lo) / (hi - lo) * (bottom - top);
        out.append("<div class=\"multiples\">\n");
        for (ReportData.Lane lane : data.lanes) {
            ReportData.Span last = lane.at(data.to);
            String partner = lane.partner().code();
            out.append("<figure class=\"temperature\" data-partner=\"").append(Html.text(partner)).append("\" data-temperature=\"")
                    .append(two(last.temperatureOn(data.to))).append("\" data-trend=\"").append(last.trend().name()).append("\">")
                    .append("<figcaption>").append(Html.text(partner + " " + ReportText.line(lane.partner().name())))
                    .append(": ").append(two(last.temperatureOn(data.to))).append(", ").append(words(last.trend())).append(" on ")
                    .append(data.to).append("</figcaption>");
            out.append("<svg viewBox=\"0 0 320 112\" role=\"img\" aria-label=\"").append(Html.text("Temperature of " + partner
                    + " from " + data.from + " to " + data.to)).append("\">");
            out.append("<line class=\"zero\" x1=\"").append(num(left)).append("\" x2=\"").append(num(right)).append("\" y1=\"")
                    .append(num(yOf.applyAsDouble(0))).append("\" y2=\"").append(num(yOf.applyAsDouble(0))).append("\"/>")
                    .append("<text class=\"y-label\" x=\"36\" y=\"").append(num(top + 8)).append("\">").append(num(hi)).append("</text>")
                    .append("<text class=\"y-label\" x=\"36\" y=\"").append(num(bottom)).append("\">").append(num(lo)).append("</text>")
                    .append("<text class=\"y-label\" x=\"36\" y=\"").append(num(yOf.applyAsDouble(0) + 3)).append("\">0</text>");
            StringBuilder d = new StringBuilder();
            for (ReportData.Span s : lane.spans()) {
                for (LocalDate day = s.from(); !day.isAfter(s.to()); day = day.plusDays(step)) {
                    point(d, scale.mid(day), yOf.applyAsDouble(s.temperatureOn(day)));
                }
                point(d, scale.mid(s.to()), yOf.applyAsDouble(s.temperatureOn(s.to())));
            }
            out.append("<path class=\"temp-line\" d=\"").append(d).append("\"/>");
            List<ReportData.Span> trends = merged(lane.spans());
            for (ReportData.Span s : trends) {
                double x = scale.x(s.from());
                double w = scale.end(s.to()) - x;
                out.append("<rect class=\"trend t-").append(s.trend().name()).append("\" data-trend=\"").append(s.trend().name())
                        .append("\" data-from=\"").append(s.from()).append("\" data-to=\"").append(s.to()).append("\" x=\"")
                        .append(num(x)).append("\" y=\"86\" width=\"").append(num(w)).append("\" height=\"10\"><title>")
                        .append(Html.text(words(s.trend()) + ", " + s.from() + " to " + s.to())).append("</title></rect>");
                if (w > 12) {
                    out.append("<text class=\"trend-label\" aria-hidden=\"true\" x=\"").append(num(x + 2)).append("\" y=\"95\">")
                            .append(Html.text(words(s.trend()).substring(0, 1))).append("</text>");
                }
            }
            out.append("<text class=\"x-label\" x=\"").append(num(left)).append("\" y=\"108\">").append(data.from).append("</text>")
                    .append("<text class=\"x-label end\" x=\"").append(num(right)).append("\" y=\"108\">").append(data.to).append("</text>")
                    .append("</svg></figure>\n");
        }
        out.append("</div>\n");
    }

    private static void point(StringBuilder d, double x, double y) {
        d.append(d.length() == 0 ? "M" : "L").append(num(x)).append(' ').append(num(y));
    }

    /** Spans merged by trend alone. */
    private static List<ReportData.Span> merged(List<ReportData.Span> spans) {
        List<ReportData.Span> out = new ArrayList<>();
        for (ReportData.Span s : spans) {
            ReportData.Span last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.trend() == s.trend()) {
                out.set(out.size() - 1, new ReportData.Span(last.from(), s.to(), last.status(), last.weight(), last.trend(),
                        last.membership(), last.temperature(), last.cells()));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Security partners over time: each partner's share of the total weight, stacked, with
     * diversification as a line on the same scale; then the effective number of partners. A dyad's
     * report shows its security weight (0 to 4) instead.
     */
    static void security(StringBuilder out, ReportData data) {
        Scale scale = new Scale(data.from, data.to, PLOT_LEFT, PLOT_RIGHT);
        List<ReportData.Lane> security = data.lanes.stream().filter(ReportData.Lane::everSecurityPartner).toList();
        List<LocalDate> starts = new ArrayList<>();
        List<Integer> previous = null;
        for (LocalDate day : data.spanStarts()) {
            // Only the days some security weight changes: the mix is the same until the next.
            List<Integer> weights = security.stream().map(l -> l.at(day).weight()).toList();
            if (!weights.equals(previous)) {
                starts.add(day);
                previous = weights;
            }
        }
        double top = 24;
        double bottom = 204;
        boolean dyad = data.isDyad();
        out.append("<svg id=\"security-chart\" class=\"chart\" viewBox=\"0 0 ").append(num(WIDTH)).append(" 226\" role=\"img\" aria-label=\"")
                .append(dyad ? "Security weight of the dyad" : "Shares of the security weight by partner, and diversification")
                .append("\">\n");
        axis(out, data, scale, top, bottom);
        double full = dyad ? 4 : 1;
        for (int t = 0; t <= 4; t++) {
            double v = full * t / 4;
            double y = bottom - (bottom - top) * t / 4;
            out.append("<line class=\"grid\" x1=\"").append(num(PLOT_LEFT)).append("\" x2=\"").append(num(PLOT_RIGHT)).append("\" y1=\"")
                    .append(num(y)).append("\" y2=\"").append(num(y)).append("\"/><text class=\"y-label\" x=\"")
                    .append(num(PLOT_LEFT - 4)).append("\" y=\"").append(num(y + 4)).append("\">")
                    .append(dyad ? Integer.toString(t) : two(v)).append("</text>");
        }
        // For each interval between span starts, every weight is constant.
        int n = starts.size();
        double[][] lower = new double[security.size()][n];
        double[][] upper = new double[security.size()][n];
        double[] diversification = new double[n];
        double[] effective = new double[n];
        boolean[] any = new boolean[n];
        for (int i = 0; i < n; i++) {
            LocalDate day = starts.get(i);
            int total = 0;
            for (ReportData.Lane l : security) {
                total += l.at(day).weight();
            }
            double cumulative = 0;
            Optional<Board.Mix> mix = Board.mix(Board.rows(data, day));
            for (int p = 0; p < security.size(); p++) {
                int w = security.get(p).at(day).weight();
                double share = dyad ? w / 4.0 : total == 0 ? 0 : w / (double) total;
                lower[p][i] = cumulative;
                cumulative += share;
                upper[p][i] = cumulative;
            }
            any[i] = mix.isPresent() && !dyad;
            diversification[i] = mix.map(Board.Mix::diversification).orElse(0.0);
            effective[i] = mix.map(Board.Mix::effective).orElse(0.0);
        }
        double[] xs = new double[n + 1];
        for (int i = 0; i < n; i++) {
            xs[i] = scale.x(starts.get(i));
        }
        xs[n] = scale.end(data.to);
        for (int p = 0; p < security.size(); p++) {
            ReportData.Lane l = security.get(p);
            String colour = PARTNER_COLOURS.get(p % PARTNER_COLOURS.size());
            StringBuilder d = new StringBuilder();
            for (int i = 0; i < n; i++) {
                double y = bottom - upper[p][i] * (bottom - top);
                point(d, xs[i], y);
                point(d, xs[i + 1], y);
            }
            for (int i = n - 1; i >= 0; i--) {
                double y = bottom - lower[p][i] * (bottom - top);
                point(d, xs[i + 1], y);
                point(d, xs[i], y);
            }
            out.append("<path class=\"share\" data-partner=\"").append(Html.text(l.partner().code())).append("\" fill=\"")
                    .append(colour).append("\" d=\"").append(d).append("Z\"><title>").append(Html.text(l.partner().code() + " "
                    + ReportText.line(l.partner().name()))).append("</title></path>");
            int widest = -1;
            double area = 0;
            for (int i = 0; i < n; i++) {
                double a = (xs[i + 1] - xs[i]) * (upper[p][i] - lower[p][i]);
                if (a > area) {
                    area = a;
                    widest = i;
                }
            }
            if (widest >= 0 && (upper[p][widest] - lower[p][widest]) * (bottom - top) >= 13 && xs[widest + 1] - xs[widest] > 34) {
                double y = bottom - (upper[p][widest] + lower[p][widest]) / 2 * (bottom - top) + 4;
                out.append("<text class=\"share-label\" aria-hidden=\"true\" x=\"").append(num(xs[widest] + 4)).append("\" y=\"")
                        .append(num(y)).append("\">").append(Html.text(l.partner().code())).append("</text>");
            }
        }
        if (!dyad) {
            StringBuilder d = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (any[i]) {
                    double y = bottom - diversification[i] * (bottom - top);
                    d.append(i > 0 && any[i - 1] ? "L" : "M").append(num(xs[i])).append(' ').append(num(y));
                    d.append("L").append(num(xs[i + 1])).append(' ').append(num(y));
                }
            }
            out.append("<path id=\"diversification-line\" class=\"mix-line\" d=\"").append(d).append("\"/>\n");
            for (int i = 0; i < n; i++) {
                if (any[i]) {
                    LocalDate last = i + 1 < n ? starts.get(i + 1).minusDays(1) : data.to;
                    out.append("<rect class=\"mix\" data-from=\"").append(starts.get(i)).append("\" data-to=\"").append(last)
                            .append("\" data-diversification=\"").append(two(diversification[i])).append("\" data-effective=\"")
                            .append(two(effective[i])).append("\" x=\"").append(num(xs[i])).append("\" y=\"").append(num(top))
                            .append("\" width=\"").append(num(xs[i + 1] - xs[i])).append("\" height=\"").append(num(bottom - top))
                            .append("\"><title>").append(starts.get(i)).append(" to ").append(last).append(": diversification ")
                            .append(two(diversification[i])).append(", effective number of partners ").append(two(effective[i]))
                            .append("</title></rect>");
                }
            }
        }
        out.append("</svg>\n");
        legendOfPartners(out, security);
        if (!dyad) {
            effective(out, data, scale, starts, xs, any, effective);
        }
    }

    private static void legendOfPartners(StringBuilder out, List<ReportData.Lane> security) {
        out.append("<ul class=\"partner-legend\">");
        for (int p = 0; p < security.size(); p++) {
            ReportData.Lane l = security.get(p);
            out.append("<li data-partner=\"").append(Html.text(l.partner().code())).append("\">")
                    .append("<svg class=\"swatch\" viewBox=\"0 0 14 14\" width=\"14\" height=\"14\" aria-hidden=\"true\" focusable=\"false\">")
                    .append("<rect width=\"14\" height=\"14\" fill=\"").append(PARTNER_COLOURS.get(p % PARTNER_COLOURS.size()))
                    .append("\"/></svg> ").append(Html.text(l.partner().code() + " " + ReportText.line(l.partner().name()))).append("</li>");
        }
        if (security.isEmpty()) {
            out.append("<li>No security partner in the range.</li>");
        }
        out.append("</ul>\n");
    }

    private static void effective(StringBuilder out, ReportData data, Scale scale, List<LocalDate> starts, double[] xs,
                                  boolean[] any, double[] effective) {
        double top = 24;
        double bottom = 104;
        double max = 1;
        for (int i = 0; i < effective.length; i++) {
            if (any[i]) {
                max = Math.max(max, Math.ceil(effective[i]));
            }
        }
        out.append("<svg id=\"effective-chart\" class=\"chart\" viewBox=\"0 0 ").append(num(WIDTH))
                .append(" 120\" role=\"img\" aria-label=\"Effective number of security partners\">\n");
        axis(out, data, scale, top, bottom);
        for (int t = 0; t <= (int) max; t++) {
            double y = bottom - (bottom - top) * t / max;
            out.append("<line class=\"grid\" x1=\"").append(num(PLOT_LEFT)).append("\" x2=\"").append(num(PLOT_RIGHT)).append("\" y1=\"")
                    .append(num(y)).append("\" y2=\"").append(num(y)).append("\"/><text class=\"y-label\" x=\"")
                    .append(num(PLOT_LEFT - 4)).append("\" y=\"").append(num(y + 4)).append("\">").append(t).append("</text>");
        }
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < starts.size(); i++) {
            if (any[i]) {
                double y = bottom - effective[i] / max * (bottom - top);
                d.append(i > 0 && any[i - 1] ? "L" : "M").append(num(xs[i])).append(' ').append(num(y));
                d.append("L").append(num(xs[i + 1])).append(' ').append(num(y));
            }
        }
        out.append("<path id=\"effective-line\" class=\"mix-line\" d=\"").append(d).append("\"/>\n</svg>\n");
    }
}
