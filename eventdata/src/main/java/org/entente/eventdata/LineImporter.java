package org.entente.eventdata;

import java.io.IOException;
import java.io.Reader;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.entente.core.Actor;
import org.entente.core.CameoCode;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.entente.core.Precision;
import org.entente.core.Source;
import org.entente.core.relationship.FactCommand.RecordInteraction;
import org.entente.core.relationship.FactHeader;
import org.entente.core.text.ControlCharacterException;

/**
 * The common reading loop of the importers: one row per line, line numbers, a row limit on line
 * length, duplicate ids, and the checks every row goes through in {@link SkipReason}'s order.
 */
abstract class LineImporter implements Importer {

    /** The longest line read; longer ones are skipped as malformed rather than held in memory. */
    static final int MAX_LINE = 1 << 20;
    /** The longest description recorded. */
    static final int MAX_DESCRIPTION = 1000;

    final CountryCrosswalk crosswalk;
    final OrganisationCrosswalk organisations;

    LineImporter(CountryCrosswalk crosswalk, OrganisationCrosswalk organisations) {
        this.crosswalk = Objects.requireNonNull(crosswalk, "crosswalk");
        this.organisations = Objects.requireNonNull(organisations, "organisations");
    }

    /** What one line gave: a command, a skip, or nothing (a header). */
    static final class Row {
        final ParsedRow parsed;
        final Skip skip;

        private Row(ParsedRow parsed, Skip skip) {
            this.parsed = parsed;
            this.skip = skip;
        }

        static Row parsed(ParsedRow p) {
            return new Row(p, null);
        }

        static Row skip(int line, String rowId, SkipReason reason, String detail) {
            return new Row(null, new Skip(line, rowId, reason, Text.cut(detail, 500)));
        }
    }

    /** Per-file reading state, for formats whose header decides the columns. */
    interface FileReader {
        /** The row of a non-blank line, or {@code null} when the line is a header. */
        Row line(String text, int lineNo, boolean first);
    }

    /** A reader for one file. */
    abstract FileReader open(String fileName);

    @Override
    public final ParseResult parse(Reader in, String fileName, ImportProgress progress) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(progress, "progress");
        FileReader reader = open(fileName);
        Lines lines = new Lines(in);
        List<ParsedRow> parsed = new ArrayList<>();
        List<Skip> skips = new ArrayList<>();
        Map<FactId, ParsedRow> seen = new HashMap<>();
        int rows = 0;
        boolean first = true;
        String text;
        while ((text = lines.next()) != null) {
            int lineNo = lines.number();
            if (lines.tooLong()) {
                rows++;
                skips.add(new Skip(lineNo, "", SkipReason.MALFORMED_ROW, "line longer than " + MAX_LINE + " characters"));
                first = false;
                continue;
            }
            if (text.isBlank()) {
                continue;
            }
            Row row;
            try {
                row = reader.line(text, lineNo, first);
            } catch (ControlCharacterException e) {
                // A text of the row (a publisher, a note) holds a character that Entente refuses in new facts.
                row = Row.skip(lineNo, "", SkipReason.MALFORMED_ROW, e.getMessage());
            }
            first = false;
            if (row == null) {
                continue;
            }
            rows++;
            if (row.skip != null) {
                skips.add(row.skip);
            } else {
                ParsedRow p = row.parsed;
                ParsedRow earlier = seen.putIfAbsent(p.command().fact().id(), p);
                if (earlier != null) {
                    boolean same = earlier.command().equals(p.command());
                    skips.add(new Skip(p.line(), p.rowId(), SkipReason.DUPLICATE_ID,
                            (same ? "same content as line " : "other content than line ") + earlier.line()));
                } else {
                    parsed.add(p);
                }
            }
            if (rows % 10_000 == 0) {
                progress.update(ImportProgress.Phase.READING, rows, -1);
            }
        }
        progress.update(ImportProgress.Phase.READING, rows, -1);
        return new ParseResult(dataset(), fileName, rows, parsed, SkipReport.of(skips));
    }

    // ------------------------------------------------------------------------- checks, in order

    /**
     * Checks a row's fields in {@link SkipReason}'s order and builds its command.
     *
     * @param description the description without the prefix of names; the caller composes it
     */
    final Row interaction(int line, String rowId, Optional<LocalDate> day, String dayText, String code,
                          RowActor source, RowActor target, String description, Source src) {
        return interaction(line, rowId, day, dayText, Precision.DAY, code, "", source, target, description, List.of(src));
    }

    /** As above, with a precision and several sources (PLOVER lines written by Entente carry both). */
    final Row interaction(int line, String rowId, Optional<LocalDate> day, String dayText, Precision precision, String code,
                          String badCodeDetail, RowActor source, RowActor target, String description, List<Source> sources) {
        String id = rowId.strip();
        if (Text.isMissing(id)) {
            return Row.skip(line, "", SkipReason.BAD_ID, "the row has no id");
        }
        String factId = dataset().factId(id);
        FactId fact;
        try {
            fact = FactId.of(factId);
        } catch (IllegalArgumentException e) {
            return Row.skip(line, id, SkipReason.BAD_ID, e.getMessage());
        }
        if (day.isEmpty()) {
            return Row.skip(line, id, SkipReason.BAD_DATE, "'" + Text.cut(dayText, 40) + "' is not a date");
        }
        HappenedOn happened;
        try {
            happened = HappenedOn.of(day.get(), precision);
        } catch (IllegalArgumentException e) {
            return Row.skip(line, id, SkipReason.BAD_DATE, e.getMessage());
        }
        String c = code.strip();
        if (!CameoCode.isValid(c)) {
            return Row.skip(line, id, SkipReason.BAD_EVENT_CODE, badCodeDetail.isEmpty()
                    ? "'" + Text.cut(c, 20) + "' is not a CAMEO 1.1b3 event code" : badCodeDetail);
        }
        if (source.problem() != null) {
            return Row.skip(line, id, source.problem(), "source: " + source.detail());
        }
        if (target.problem() != null) {
            return Row.skip(line, id, target.problem(), "target: " + target.detail());
        }
        Actor actor = source.actor().get();
        Actor other = target.actor().get();
        if (actor.equals(other)) {
            return Row.skip(line, id, SkipReason.SAME_COUNTRY, actor.code() + " " + actor.name());
        }
        RecordInteraction command = new RecordInteraction(new FactHeader(fact, happened, actor, other, sources),
                CameoCode.of(c), Text.cut(description, MAX_DESCRIPTION));
        return Row.parsed(new ParsedRow(line, id, command));
    }

    /** A day written {@code yyyy-MM-dd} (anything after the tenth character, such as a time, ignored). */
    static Optional<LocalDate> isoDay(String text) {
        String t = text.strip();
        if (t.length() < 10 || (t.length() > 10 && t.charAt(10) != 'T' && t.charAt(10) != ' ')) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(t.substring(0, 10)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A day written {@code yyyyMMdd}, or the day of {@code yyyyMMddHHmmss}. */
    static Optional<LocalDate> compactDay(String text) {
        String t = text.strip();
        if ((t.length() != 8 && t.length() != 14) || !t.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(t.substring(0, 4)), Integer.parseInt(t.substring(4, 6)),
                    Integer.parseInt(t.substring(6, 8))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The note the Goldstein value gets when a row's own value differs from the CAMEO table's. */
    static String goldsteinNote(String label, String rowValue, String code) {
        if (!CameoCode.isValid(code.strip()) || Text.isMissing(rowValue)) {
            return "";
        }
        double table = CameoCode.of(code.strip()).goldstein();
        try {
            double own = Double.parseDouble(rowValue.strip());
            if (Math.abs(own - table) < 1e-9) {
                return "";
            }
            return " [" + label + " " + Text.number(own) + "; Entente uses the CAMEO table's " + Text.number(table) + "]";
        } catch (NumberFormatException e) {
            return " [" + label + " '" + Text.cut(rowValue.strip(), 20) + "' is not a number; Entente uses the CAMEO table's "
                    + Text.number(table) + "]";
        }
    }

    /** Reads lines with their numbers, without holding more than {@link #MAX_LINE} characters of one. */
    static final class Lines {
        private final Reader in;
        private final char[] buffer = new char[8192];
        private int position;
        private int limit;
        private int number;
        private boolean tooLong;
        private boolean pendingCr;

        Lines(Reader in) {
            this.in = in;
        }

        /** The next line without its terminator, or {@code null} at the end. */
        String next() throws IOException {
            StringBuilder line = new StringBuilder();
            tooLong = false;
            boolean any = false;
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer, 0, buffer.length);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        if (!any) {
                            return null;
                        }
                        number++;
                        return line.toString();
                    }
                }
                char ch = buffer[position++];
                if (pendingCr) {
                    pendingCr = false;
                    if (ch == '\n') {
                        continue;
                    }
                }
                if (ch == '\n' || ch == '\r') {
                    pendingCr = ch == '\r';
                    number++;
                    return line.toString();
                }
                any = true;
                if (line.length() < MAX_LINE) {
                    line.append(ch);
                } else {
                    tooLong = true;
                }
            }
        }

        /** The number of the line {@link #next()} returned, from 1. */
        int number() {
            return number;
        }

        /** Whether that line was cut because it was too long. */
        boolean tooLong() {
            return tooLong;
        }
    }
}
