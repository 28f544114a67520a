package org.entente.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.entente.Entente;
import org.entente.core.Actor;
import org.entente.core.Dyad;
import org.entente.core.HappenedOn;
import org.entente.core.internal.Require;

/**
 * A country's or a dyad's history as one self-contained HTML page, for a person to open in a browser,
 * from a file or an e-mail attachment: nothing in it is fetched from a server (styles, script and data
 * are inside, and its Content-Security-Policy forbids any request).
 *
 * <pre>{@code
 * Report report = Report.builder(entente, Country.of("NER"))
 *         .from(LocalDate.of(2023, 1, 1))
 *         .to(LocalDate.of(2024, 12, 31))
 *         .asOf(LocalDate.of(2024, 4, 30))          // the board's day when the page opens
 *         .origin("the bundled seed niger-2024")
 *         .build();                                  // reads everything now
 * try (Writer out = Files.newBufferedWriter(Path.of("niger.html"))) {
 *     report.writeTo(out);
 * }
 * }</pre>
 *
 * <p>The page shows, from top to bottom: a header (the range, as known at which instant, from sources
 * published by which day, where the history came from); a legend; <b>status lanes</b>, one per partner,
 * whose segments change on the exact days the status does (on a fact's day, or when the status window,
 * 180 days by default, passes a step), with a marker per fact whose tooltip gives its id, kind, actor and target, day, own
 * fields, sources (publisher, publication day), revision and retraction; the <b>temperature</b> of each
 * partner on one scale, with its trend; the <b>security partners</b> over time (each one's share of the
 * total weight, stacked) with diversification and the effective number of partners; <b>the board on a
 * day</b>, with a slider that redraws the board's table and a network of partners (the country in the
 * centre, edges coloured and dashed by status, as thick as the security weight) from data embedded in
 * the page; and the <b>timeline</b> with every source, a link only for an {@code http} or {@code https}
 * address. Every status is named in words and drawn with its own pattern as well as its colour
 * (Okabe and Ito's palette); the page prints on A4.
 *
 * <p>Every read has the report's limits: as known at {@link Builder#knownAt(Instant)}, from sources
 * published by {@link Builder#publishedBy(LocalDate)}, exactly as a {@link org.entente.When} with them.
 * The statuses of the lanes equal {@code entente.partnership(dyad, when.on(day)).status()} on every day
 * of the range; they are found by asking about the days facts happen and halving the days between
 * (see {@code Runs}), not about every day.
 *
 * <p>All stored text is escaped: HTML's special characters as character references; control and
 * bidirectional characters shown as {@code \}{@code uXXXX}; the embedded JSON with {@code <}, {@code >},
 * {@code &}, U+2028 and U+2029 as {@code \}{@code uXXXX}, so that no {@code </script>} or {@code <!--}
 * can occur inside its element. The page's only scripts are that data block and its own script.
 *
 * <h2>Elements a test or a tool can rely on</h2>
 * Partners are named by their stored code ({@code USA}, {@code ORG:ECOWAS}); days are ISO
 * ({@code 2024-03-16}), ranges inclusive at both ends; statuses and trends are the constants'
 * names ({@code WINDING_DOWN}, {@code COOLING}).
 * <table>
 *   <caption>Ids, classes and data attributes of the page</caption>
 *   <tr><th>selector</th><th>what it is</th></tr>
 *   <tr><td>{@code header#report-header}</td><td>{@code data-subject} ({@code NER} or {@code NER-USA}),
 *       {@code data-from}, {@code data-to}, {@code data-as-of}, {@code data-known-at} (an instant, empty for none),
 *       {@code data-published-by} (a day, empty for none); {@code dd#range}, {@code #known-at},
 *       {@code #published-by}, {@code #origin} say them in words</td></tr>
 *   <tr><td>{@code #lanes-chart g.lane[data-partner]}</td><td>one lane per partner, in the board's order on the
 *       last day (status, then name), then partners whose facts all lie outside it</td></tr>
 *   <tr><td>{@code g.lane rect.segment[data-status][data-from][data-to]}</td><td>a run of days with one status:
 *       in order, covering the range without gap or overlap; consecutive segments differ in status</td></tr>
 *   <tr><td>{@code g.lane g.marker[data-fact][data-day][data-kind]}</td><td>a fact of the range in its partner's
 *       lane, focusable ({@code tabindex="0"}); class {@code retracted} or {@code revised} when it is;
 *       {@code aria-label} summarises it once the script runs</td></tr>
 *   <tr><td>{@code #tooltip[role=tooltip]}</td><td>hidden until a marker is hovered or focused, then its fact:
 *       {@code .tt-id}, the kind, {@code .tt-who} (actor → target, day), {@code .tt-details},
 *       {@code .tt-revision}, {@code .tt-retracted}, and {@code ul.tt-sources} with one {@code li} per
 *       source (publisher or kind, title, "published DAY", kind, confidence)</td></tr>
 *   <tr><td>{@code line#day-line[data-day]}</td><td>the board's day on the lanes; it follows the slider</td></tr>
 *   <tr><td>{@code figure.temperature[data-partner][data-temperature][data-trend]}</td><td>a partner's temperature
 *       chart, with its value (two decimals) and trend on the last day; {@code rect.trend[data-trend][data-from][data-to]}
 *       its trend's runs</td></tr>
 *   <tr><td>{@code #security-chart path.share[data-partner]}</td><td>a security partner's stacked share;
 *       {@code rect.mix[data-from][data-to][data-diversification][data-effective]} the runs of the country's
 *       mix, {@code #diversification-line} and {@code #effective-chart #effective-line} its lines (a country's
 *       report only)</td></tr>
 *   <tr><td>{@code input#day}</td><td>the slider: {@code type="range"}, its value the number of days after
 *       {@code data-from} (0 to the range's length − 1); an {@code input} event redraws the board, the network
 *       and the day line. {@code output#day-value} shows the day; {@code input#day-date} (text, {@code YYYY-MM-DD})
 *       sets it on {@code change}; {@code window.ententeReport.show("2024-04-30")} sets it too and returns the
 *       day shown (clamped to the range)</td></tr>
 *   <tr><td>{@code #board-table tbody tr[data-partner][data-status][data-weight][data-trend][data-temperature]}</td>
 *       <td>the board on the slider's day: every partner whose status is not {@code NONE}, in
 *       {@code Portfolio}'s order; cells {@code td.partner}, {@code td.status} (the status's name, and
 *       "membership: MEMBER"... for an organisation), {@code td.temperature}, {@code td.trend}, {@code td.weight},
 *       then agreements, forces, envoys and the last fact as {@code board} prints them; {@code span#board-day}
 *       the day. The temperature is within 0.01 of {@code Partnership.temperature()}</td></tr>
 *   <tr><td>{@code #diversification[data-value]}, {@code #effective-partners[data-value]}, {@code #concentration[data-value]}</td>
 *       <td>the mix on the slider's day with two decimals, as {@code Portfolio.mix()} gives it ({@code 0.72});
 *       {@code data-value} empty and text {@code -} without security partners, and in a dyad's report;
 *       {@code #security-partners} ({@code TUR 2, CHN 1, ...}) and {@code #security-total}</td></tr>
 *   <tr><td>{@code svg#network}</td><td>{@code line.edge[data-partner][data-status][data-weight]} and
 *       {@code g.node[data-partner][data-status]} for the board's partners, {@code g.node.centre[data-actor]}
 *       the subject</td></tr>
 *   <tr><td>{@code #timeline-table tr#fact-ID[data-fact][data-day][data-kind][data-partner][data-revision][data-retracted]}</td>
 *       <td>a fact of the range; {@code li.source[data-kind]} its sources, {@code a.address} a link
 *       ({@code rel="noopener noreferrer"}) for an http(s) address, {@code span.address} any other</td></tr>
 *   <tr><td>{@code script#report-data}</td><td>{@code type="application/json"}: the data the script draws from,
 *       format {@value #DATA_FORMAT}; the page's own, free to change with it</td></tr>
 * </table>
 */
public final class Report {

    /** The {@code format} of the data embedded in the page: {@value}. */
    public static final String DATA_FORMAT = "entente-report/1";

    /** How many years before its last day a report starts by default: {@value}. */
    public static final int DEFAULT_YEARS = ReportData.DEFAULT_YEARS;

    private final ReportData data;

    private Report(ReportData data) {
        this.data = data;
    }

    /**
     * A report on a country (one lane per partner) or an organisation (one per member or partner).
     *
     * @param entente the history to read; read when {@link Builder#build()} runs
     * @param subject the country or organisation, such as {@code Country.of("NER")}
     * @return a builder; see {@link Builder} for each default
     */
    public static Builder builder(Entente entente, Actor subject) {
        Require.nonNull(entente, "entente", "an open Entente, such as Entente.h2(Path.of(\"entente-data\"))");
        Require.nonNull(subject, "subject", "a Country such as Country.of(\"NER\") or an Organisation such as Organisation.of(\"ECOWAS\")");
        return new Builder(entente, subject, Optional.empty());
    }

    /**
     * A report on one dyad, seen from its first actor ({@link Dyad#first()}, {@code NER} in {@code NER-USA}):
     * one lane, for the other. A dyad's report shows its security weight instead of a country's mix.
     *
     * @param entente the history to read; read when {@link Builder#build()} runs
     * @param subject the dyad, such as {@code Dyad.of(Country.of("NER"), Country.of("USA"))}
     * @return a builder; see {@link Builder} for each default
     */
    public static Builder builder(Entente entente, Dyad subject) {
        Require.nonNull(entente, "entente", "an open Entente, such as Entente.h2(Path.of(\"entente-data\"))");
        Require.nonNull(subject, "subject", "a Dyad such as Dyad.of(Country.of(\"NER\"), Country.of(\"USA\"))");
        return new Builder(entente, subject.first(), Optional.of(subject));
    }

    /** {@return the first day of the report's range} */
    public LocalDate from() {
        return data.from;
    }

    /** {@return the last day of the report's range (inclusive)} */
    public LocalDate to() {
        return data.to;
    }

    /** {@return the board's day when the page opens} */
    public LocalDate asOf() {
        return data.asOf;
    }

    /** {@return the partners, one lane each, in the page's order} */
    public List<Actor> partners() {
        return data.lanes.stream().map(ReportData.Lane::partner).toList();
    }

    /** {@return how many facts of the range the page shows (retracted ones included, flagged)} */
    public int facts() {
        return data.entries.size();
    }

    /**
     * Writes the page, UTF-8 text (the page declares {@code charset="utf-8"}: write it to a file as UTF-8).
     *
     * @param out where to write; flushed, not closed
     * @throws IOException when the writer fails
     */
    public void writeTo(Writer out) throws IOException {
        Require.nonNull(out, "out", "a Writer, such as Files.newBufferedWriter(Path.of(\"niger.html\"))");
        Page.write(data, out);
    }

    /** {@return the page as one string (for a file, prefer {@link #writeTo(Writer)})} */
    public String toHtml() {
        StringWriter out = new StringWriter();
        try {
            Page.write(data, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter failed, which it never does", e);
        }
        return out.toString();
    }

    /** One short line: {@code report of NER from 2021-12-06 to 2026-12-06: 5 partners, 24 facts}. */
    @Override
    public String toString() {
        return "report of " + data.dyad.map(Dyad::id).orElse(data.centre.code()) + " from " + data.from + " to " + data.to + ": "
                + data.lanes.size() + (data.lanes.size() == 1 ? " partner, " : " partners, ") + data.entries.size()
                + (data.entries.size() == 1 ? " fact" : " facts");
    }

    /**
     * Builds a {@link Report}. Defaults: the last day is the board's day if given, else today (by the
     * clock, the system's by default); the first day is {@value #DEFAULT_YEARS} years before the last, or the
     * subject's first fact when that is later; the board's day is the last day; as known now, with no
     * publication filter; the history's origin "not stated".
     */
    public static final class Builder {
        private final Entente entente;
        private final Actor centre;
        private final Optional<Dyad> dyad;
        private Optional<LocalDate> from = Optional.empty();
        private Optional<LocalDate> to = Optional.empty();
        private Optional<LocalDate> asOf = Optional.empty();
        private Optional<Instant> knownAt = Optional.empty();
        private Optional<LocalDate> publishedBy = Optional.empty();
        private String origin = "not stated";
        private Clock clock = Clock.systemDefaultZone();

        private Builder(Entente entente, Actor centre, Optional<Dyad> dyad) {
            this.entente = entente;
            this.centre = centre;
            this.dyad = dyad;
        }

        /**
         * Sets the range's first day.
         *
         * @param day the first day, 1600-01-01 to 2199-12-31, on or before the last
         * @return this builder
         */
        public Builder from(LocalDate day) {
            from = Optional.of(inRange("from", Require.nonNull(day, "from", "a LocalDate such as LocalDate.of(2023, 1, 1)")));
            return this;
        }

        /**
         * Sets the range's last day (inclusive).
         *
         * @param day the last day, 1600-01-01 to 2199-12-31
         * @return this builder
         */
        public Builder to(LocalDate day) {
            to = Optional.of(inRange("to", Require.nonNull(day, "to", "a LocalDate such as LocalDate.of(2024, 12, 31)")));
            return this;
        }

        /**
         * Sets the board's day when the page opens (the slider's position); also the last day when none is given.
         *
         * @param day a day of the range
         * @return this builder
         */
        public Builder asOf(LocalDate day) {
            asOf = Optional.of(inRange("asOf", Require.nonNull(day, "asOf", "a LocalDate such as LocalDate.of(2024, 4, 30)")));
            return this;
        }

        /**
         * Reads the history as known at an instant, as {@link org.entente.When#knownAt(Instant)} does.
         *
         * @param instant facts, corrections and retractions recorded after it are left out
         * @return this builder
         */
        public Builder knownAt(Instant instant) {
            knownAt = Optional.of(Require.nonNull(instant, "knownAt", "an Instant such as Instant.parse(\"2024-05-01T00:00:00Z\")"));
            return this;
        }

        /**
         * Keeps only facts with a source published by a day, as {@link org.entente.When#publishedBy(LocalDate)} does.
         *
         * @param day the last publication day a fact's source may have
         * @return this builder
         */
        public Builder publishedBy(LocalDate day) {
            publishedBy = Optional.of(inRange("publishedBy", Require.nonNull(day, "publishedBy", "a LocalDate such as LocalDate.of(2024, 4, 25)")));
            return this;
        }

        /**
         * Says where the history came from, as the header shows it: the store, the seeds loaded.
         *
         * @param text such as {@code "store ./entente-data"} or {@code "the bundled seed niger-2024"}; 1 to 2,000
         *             characters, not blank
         * @return this builder
         */
        public Builder origin(String text) {
            Require.nonNull(text, "origin", "where the history came from, such as \"the bundled seed niger-2024\"");
            if (text.isBlank() || text.length() > 2000) {
                throw new IllegalArgumentException("origin must be 1 to 2000 characters and not blank, got "
                        + (text.isBlank() ? "a blank text" : text.length() + " characters"));
            }
            origin = text;
            return this;
        }

        /**
         * Sets the clock that gives today, the default last day and the day the page says it was written.
         *
         * @param value the clock (default: the system's, in its time zone)
         * @return this builder
         */
        public Builder clock(Clock value) {
            clock = Require.nonNull(value, "clock", "a Clock such as Clock.systemDefaultZone()");
            return this;
        }

        /**
         * Reads everything the page shows from the Entente, now; the report can be written after the
         * Entente is closed.
         *
         * @return the report
         * @throws IllegalArgumentException when the first day is after the last, or the board's day is outside the range
         */
        public Report build() {
            return new Report(ReportData.read(entente, new ReportData.Settings(centre, dyad, from, to, asOf, knownAt, publishedBy,
                    origin, LocalDate.now(clock))));
        }

        private static LocalDate inRange(String what, LocalDate day) {
            if (day.isBefore(HappenedOn.EARLIEST) || day.isAfter(HappenedOn.LATEST)) {
                throw new IllegalArgumentException(what + " " + day + " is outside the accepted range " + HappenedOn.EARLIEST
                        + " to " + HappenedOn.LATEST + " (the dates a fact may have)");
            }
            return day;
        }
    }
}
