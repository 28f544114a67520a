package org.entente.core;

import java.time.LocalDate;
import java.util.Optional;
import org.entente.core.internal.Require;
import org.entente.core.text.ControlCharacters;
import org.entente.core.text.ControlCharacters.LineFeeds;

/**
 * Where a fact came from and how sure we are of it. Every fact carries at least one source.
 *
 * <p>The kind and the confidence are required; publisher, title, address (a URL or a file) and
 * publication date are optional, and so is a note (for example the spelling an article used). Build
 * one with the static factories and the {@code with...} methods:
 *
 * <pre>{@code
 * Source article = Source.of(Source.Kind.ARTICLE, Source.Confidence.REPORTED)
 *         .withPublisher("AFP (urdupoint.com)")
 *         .withPublished(LocalDate.of(2024, 4, 19));
 * Source background = Source.background();
 * }</pre>
 *
 * <p>The {@code with...} methods refuse text holding control characters ({@link ControlCharacters}:
 * C0 and C1 controls, DEL, bidirectional formatting characters), except line feeds in the note,
 * with a {@link org.entente.core.text.ControlCharacterException}. The canonical constructor does not,
 * because reading a stored history goes through it and old stores may hold such text; a command
 * checks its sources again, naming its fact ({@code fact usa-denounce, sources[0].publisher: ...}).
 *
 * <p>For {@code publishedBy(date)} queries: a background source counts as always published; a source
 * of another kind without a publication date never counts as published by any date (nobody can say
 * when it became known).
 */
public record Source(
        Kind kind,
        Confidence confidence,
        Optional<String> publisher,
        Optional<String> title,
        Optional<String> address,
        Optional<LocalDate> published,
        Optional<String> note) {

    /** The longest text accepted in any field. */
    public static final int MAX_TEXT = 2000;

    /** What kind of document a source is. */
    public enum Kind {
        /** A press article or wire report. */
        ARTICLE,
        /** A statement by a government or organisation. */
        OFFICIAL_STATEMENT,
        /** Well-established background knowledge, cited as such. */
        BACKGROUND,
        /** A made-up fact of a scenario simulation. */
        HYPOTHETICAL
    }

    /** How sure we are of the fact on this source's word. */
    public enum Confidence {
        /** One or more reports, not confirmed by the parties. */
        REPORTED,
        /** Confirmed by independent sources or by one party. */
        CONFIRMED,
        /** Stated officially by a party. */
        OFFICIAL
    }

    /**
     * Validates every field; see the type's documentation.
     *
     * @param kind what kind of document it is
     * @param confidence how sure we are of the fact on its word
     * @param publisher who published it, such as {@code "AFP (urdupoint.com)"}; empty for none, never blank, at most 2,000 characters
     * @param title the document's title; empty for none, never blank, at most 2,000 characters
     * @param address a URL or a file name; empty for none, never blank, at most 2,000 characters
     * @param published the day it was published, 1600-01-01 to 2199-12-31; empty when unknown (then it never counts as
     *        published by a date, unless it is background)
     * @param note free text, such as the spelling an article used; empty for none, never blank, at most 2,000 characters
     */
    public Source {
        Require.nonNull(kind, "source kind", "a Source.Kind such as Source.Kind.ARTICLE");
        Require.nonNull(confidence, "source confidence", "a Source.Confidence such as Source.Confidence.REPORTED");
        publisher = text("publisher", publisher);
        title = text("title", title);
        address = text("address", address);
        note = text("note", note);
        published = Require.nonNull(published, "source published", "Optional.empty() for none");
        published.ifPresent(d -> {
            if (d.isBefore(HappenedOn.EARLIEST) || d.isAfter(HappenedOn.LATEST)) {
                throw new IllegalArgumentException("source publication date " + d + " is outside the accepted range "
                        + HappenedOn.EARLIEST + ".." + HappenedOn.LATEST);
            }
        });
    }

    /**
     * {@return a source with only its kind and confidence}
     *
     * @param kind what kind of document it is
     * @param confidence how sure we are of the fact on its word
     */
    public static Source of(Kind kind, Confidence confidence) {
        return new Source(kind, confidence, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /**
     * Background knowledge, confidence {@code REPORTED}, as docs/DOMAIN.md asks for well-established facts.
     *
     * @return a {@code BACKGROUND} source at {@code REPORTED} confidence, with no other field
     */
    public static Source background() {
        return of(Kind.BACKGROUND, Confidence.REPORTED);
    }

    /** {@return a source for a made-up fact of a simulation} */
    public static Source hypothetical() {
        return of(Kind.HYPOTHETICAL, Confidence.REPORTED);
    }

    /**
     * {@return a copy naming the publisher (for example {@code "Reuters (devdiscourse.com)"})}
     *
     * @param value who published it, one line, not blank, at most 2,000 characters
     */
    public Source withPublisher(String value) {
        Require.nonNull(value, "publisher", "a name such as \"Reuters\", or leave it out");
        return checkNew(new Source(kind, confidence, Optional.of(value), title, address, published, note), "publisher", value, LineFeeds.REFUSED);
    }

    /**
     * {@return a copy with a title}
     *
     * @param value the document's title, one line, not blank, at most 2,000 characters
     */
    public Source withTitle(String value) {
        Require.nonNull(value, "title", "the title, or leave it out");
        return checkNew(new Source(kind, confidence, publisher, Optional.of(value), address, published, note), "title", value, LineFeeds.REFUSED);
    }

    /**
     * {@return a copy with an address: a URL or a file name}
     *
     * @param value a URL or a file name, one line, not blank, at most 2,000 characters
     */
    public Source withAddress(String value) {
        Require.nonNull(value, "address", "a URL or a file name, or leave it out");
        return checkNew(new Source(kind, confidence, publisher, title, Optional.of(value), published, note), "address", value, LineFeeds.REFUSED);
    }

    /**
     * {@return a copy with the date of publication}
     *
     * @param value the day it was published, 1600-01-01 to 2199-12-31
     */
    public Source withPublished(LocalDate value) {
        Require.nonNull(value, "publication date", "a LocalDate such as LocalDate.of(2024, 4, 26), or leave it out");
        return new Source(kind, confidence, publisher, title, address, Optional.of(value), note);
    }

    /**
     * {@return a copy with a free note; the only text of a source that may run over several lines (LF)}
     *
     * @param value the note, not blank, at most 2,000 characters; line feeds allowed
     */
    public Source withNote(String value) {
        Require.nonNull(value, "note", "the note, or leave it out");
        return checkNew(new Source(kind, confidence, publisher, title, address, published, Optional.of(value)), "note", value, LineFeeds.ACCEPTED);
    }

    /**
     * {@return whether this source was published on or before the day (background always is)}
     *
     * @param day the day a query looks from
     */
    public boolean publishedBy(LocalDate day) {
        Require.nonNull(day, "day", "a LocalDate such as LocalDate.of(2024, 4, 26)");
        if (kind == Kind.BACKGROUND) {
            return true;
        }
        return published.map(p -> !p.isAfter(day)).orElse(false);
    }

    /** New text, refused when it holds a control character; see the type's documentation. */
    private static Source checkNew(Source source, String field, String value, LineFeeds lineFeeds) {
        ControlCharacters.requireNone(value, lineFeeds, Optional.empty(), "source " + field);
        return source;
    }

    private static Optional<String> text(String field, Optional<String> value) {
        Require.nonNull(value, "source " + field, "Optional.empty() for none");
        value.ifPresent(v -> {
            if (v.isBlank()) {
                throw new IllegalArgumentException("source " + field + " is blank; leave it out instead");
            }
            if (v.length() > MAX_TEXT) {
                throw new IllegalArgumentException("source " + field + " has " + v.length()
                        + " characters; at most " + MAX_TEXT + " are accepted");
            }
        });
        return value;
    }
}
