package org.entente.timeline;

import java.util.List;
import org.entente.core.Actor;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.internal.Require;
import org.entente.core.text.TerminalText;
import org.entente.internal.JsonRendering;
import org.entente.internal.TextRendering;

/**
 * The timeline of a country or a dyad, to print: the facts {@code Entente.timeline(...)} returns, with
 * the subject they were asked for. Immutable.
 *
 * <pre>{@code
 * Timeline story = Timeline.of(Dyad.of(NER, USA), entente.timeline(Dyad.of(NER, USA), TimelineFilter.all()));
 * System.out.print(story.toText());   // Timeline of NER-USA: 9 facts, then a table
 * String json = story.toJson();       // {"format": "entente-timeline/1", "subject": "NER-USA", "facts": [...]}
 * }</pre>
 */
public final class Timeline {

    /**
     * The {@code format} of {@link #toJson()}: {@value}. Fields may be added within a version, never
     * removed or renamed.
     */
    public static final String JSON_FORMAT = "entente-timeline/1";

    private final String subject;
    private final List<TimelineEntry> entries;

    private Timeline(String subject, List<TimelineEntry> entries) {
        this.subject = subject;
        this.entries = List.copyOf(Require.nonNull(entries, "entries", "a list of TimelineEntry, empty for none"));
    }

    /**
     * A country's timeline (its facts with every partner).
     *
     * @param country the country asked for
     * @param entries its facts, in the order to show
     * @return the country's timeline, for rendering
     */
    public static Timeline of(Actor country, List<TimelineEntry> entries) {
        return new Timeline(Require.nonNull(country, "country", "a Actor such as Country.of(\"NER\")").code(), entries);
    }

    /**
     * A dyad's timeline.
     *
     * @param dyad    the dyad asked for
     * @param entries its facts, in the order to show
     * @return the dyad's timeline, for rendering
     */
    public static Timeline of(Dyad dyad, List<TimelineEntry> entries) {
        return new Timeline(Require.nonNull(dyad, "dyad", "Dyad.of(a, b), such as Dyad.of(Country.of(\"NER\"), Country.of(\"USA\"))").id(), entries);
    }

    /**
     * The subject: a country's code ({@code NER}) or a dyad's id ({@code NER-USA}).
     *
     * @return {@code NER} for a country's timeline, {@code NER-USA} for a dyad's
     */
    public String subject() {
        return subject;
    }

    /**
     * The facts.
     *
     * @return the facts, unmodifiable
     */
    public List<TimelineEntry> entries() {
        return entries;
    }

    /**
     * The timeline as the command line's {@code timeline} prints it: a heading, then one aligned row per
     * fact (day, kind, actor, target, fact id with its revision and retraction, sources). Stored text is
     * escaped for a terminal ({@link TerminalText}).
     *
     * <pre>
     * Timeline of NER-TUR: 4 facts
     *
     * DAY         KIND              ACTOR  TARGET  FACT         SOURCES
     * 2024-04-26  appoint attaché   TUR    NER     tur-attache  ...
     * </pre>
     *
     * @return the text, each line ending with a line feed
     */
    public String toText() {
        return TextRendering.timeline(subject, entries);
    }

    /**
     * The timeline as JSON, for programs: {@code format} ({@value #JSON_FORMAT}), {@code subject} and
     * {@code facts}, each with {@code id}, {@code kind}, {@code happened}, {@code precision}, {@code actor},
     * {@code target}, {@code revision}, {@code recordedAt}, {@code revisedAt}, {@code retracted},
     * {@code retractedAt} and {@code retractionReason} (when retracted), {@code sources} and
     * {@code details} (the kind's own fields). The README's "Rendering" section lists every field.
     *
     * @return indented JSON; control characters in stored text are written as {@code \}{@code uXXXX} escapes
     */
    public String toJson() {
        return JsonRendering.write(JsonRendering.timeline(JSON_FORMAT, subject, entries));
    }

    /** One short line: {@code Timeline of NER-USA: 9 facts}. */
    @Override
    public String toString() {
        return "Timeline of " + TerminalText.escape(subject) + ": " + entries.size() + (entries.size() == 1 ? " fact" : " facts");
    }

    /** Equal when the subject and the facts are. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Timeline t && t.subject.equals(subject) && t.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return 31 * subject.hashCode() + entries.hashCode();
    }
}
