package org.entente.eventdata;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.core.CameoCode;
import org.entente.core.HappenedOn;
import org.entente.core.Source;

/**
 * GDELT 2.0 event export rows: 61 tab-separated columns, with or without a header line (raw exports
 * have none). {@code Day} (column 2) is when the event happened, {@code DATEADDED} (column 60) when
 * GDELT recorded the article, taken as its publication date; {@code SOURCEURL} is the source's
 * address. Actors' countries are CAMEO country codes; the action's place is a FIPS 10-4 code, which
 * only goes into the description.
 *
 * <p>An actor whose CAMEO code ({@code Actor1Code}) starts with {@code IGO} is an intergovernmental
 * organisation (CAMEO manual v1.1b3, section 3.1.9: international actors start with a generic
 * international code; a country code added to one "does not indicate that the actor is officially
 * identified with or that he acts on behalf of that state"), whatever {@code Actor1CountryCode} says.
 * Which organisation is {@code Actor1KnownGroupCode}'s: {@code WAS} is ECOWAS ({@code IGOWAS}),
 * {@code EEC} the EU, {@code UNO} the UN ({@link OrganisationCrosswalk#cameoGroup}); without one (a
 * bare {@code IGO}, {@code IGOPKO} peacekeepers) the row is skipped as an unknown organisation. Any
 * other actor is its country, as before: a code that starts with a country ({@code NGAGOV}) is
 * domestic, whatever group it also names.
 */
final class GdeltImporter extends LineImporter {

    /** Columns of a GDELT 2.0 event row. */
    static final int COLUMNS = 61;
    static final int ID = 0;
    static final int DAY = 1;
    static final int ACTOR1_CODE = 5;
    static final int ACTOR1_NAME = 6;
    static final int ACTOR1_COUNTRY = 7;
    static final int ACTOR1_GROUP = 8;
    static final int ACTOR2_CODE = 15;
    static final int ACTOR2_NAME = 16;
    static final int ACTOR2_COUNTRY = 17;
    static final int ACTOR2_GROUP = 18;
    static final int EVENT_CODE = 26;
    static final int GOLDSTEIN = 30;
    static final int ACTION_GEO_FULLNAME = 52;
    static final int ACTION_GEO_COUNTRY = 53;
    static final int DATE_ADDED = 59;
    static final int SOURCE_URL = 60;

    private static final Pattern HOST = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://([^/?#:@]+)");

    /** The generic CAMEO code of intergovernmental organisations, first in an organisation's actor code. */
    static final String IGO = "IGO";

    GdeltImporter(CountryCrosswalk crosswalk, OrganisationCrosswalk organisations) {
        super(crosswalk, organisations);
    }

    @Override
    public Dataset dataset() {
        return Dataset.GDELT;
    }

    @Override
    FileReader open(String fileName) {
        return (text, lineNo, first) -> {
            String[] cells = text.split("\t", -1);
            if (first && !cells[0].strip().chars().allMatch(Character::isDigit)) {
                if (cells.length != COLUMNS) {
                    throw new IllegalArgumentException(fileName + " line " + lineNo + " is a header of " + cells.length
                            + " columns; a GDELT 2.0 event export has " + COLUMNS + " (GlobalEventID ... SOURCEURL)");
                }
                return null;
            }
            if (cells.length != COLUMNS) {
                return Row.skip(lineNo, cells[0].strip(), SkipReason.MALFORMED_ROW, cells.length + " columns, expected "
                        + COLUMNS + " (GDELT 2.0 event export)");
            }
            String code = cells[EVENT_CODE].strip();
            String actor1 = Text.isMissing(cells[ACTOR1_NAME]) ? cells[ACTOR1_COUNTRY].strip() : cells[ACTOR1_NAME].strip();
            String actor2 = Text.isMissing(cells[ACTOR2_NAME]) ? cells[ACTOR2_COUNTRY].strip() : cells[ACTOR2_NAME].strip();
            String what = CameoCode.isValid(code) ? CameoCode.of(code).name() + " (" + code + ")" : code;
            String description = (actor1.isEmpty() ? "?" : actor1) + " → " + (actor2.isEmpty() ? "?" : actor2) + ": " + what
                    + goldsteinNote("GDELT Goldstein", cells[GOLDSTEIN], code) + place(cells);
            return interaction(lineNo, cells[ID], compactDay(cells[DAY]), cells[DAY], code,
                    actor(cells[ACTOR1_CODE], cells[ACTOR1_COUNTRY], cells[ACTOR1_GROUP]),
                    actor(cells[ACTOR2_CODE], cells[ACTOR2_COUNTRY], cells[ACTOR2_GROUP]), description,
                    source(cells, fileName));
        };
    }

    /** An organisation when the CAMEO code starts with IGO (by its known group), else the country as before. */
    private RowActor actor(String code, String country, String group) {
        String c = code.strip().toUpperCase(Locale.ROOT);
        if (!c.startsWith(IGO)) {
            return RowActor.of(crosswalk.cameo(country));
        }
        OrganisationMatch m = organisations.cameoGroup(group);
        if (m.outcome() == OrganisationMatch.Outcome.MISSING) {
            return RowActor.problem(SkipReason.UNKNOWN_ORGANISATION, "GDELT actor code '" + Text.cut(c, 20)
                    + "' is an intergovernmental organisation's, and no known-group code says which");
        }
        return RowActor.of(m);
    }

    /** "; action at Craigavon, Northern Ireland (FIPS UK: GBR)". */
    private String place(String[] cells) {
        String name = cells[ACTION_GEO_FULLNAME].strip();
        String fips = cells[ACTION_GEO_COUNTRY].strip();
        if (name.isEmpty() && fips.isEmpty()) {
            return "";
        }
        String where = fips.isEmpty() ? "" : " (FIPS " + fips + ": "
                + crosswalk.fips(fips).country().map(c -> c.code()).orElse("no country Entente knows") + ")";
        return "; action at " + (name.isEmpty() ? "?" : name) + where;
    }

    private static Source source(String[] cells, String fileName) {
        Source s = Source.of(Source.Kind.ARTICLE, Source.Confidence.REPORTED)
                .withNote("GDELT 2.0 event " + Text.cut(cells[ID].strip(), 100));
        String url = cells[SOURCE_URL].strip();
        if (url.isEmpty() || url.length() > Source.MAX_TEXT) {
            s = s.withPublisher("GDELT 2.0").withAddress(Text.cut(fileName, Source.MAX_TEXT));
        } else {
            s = s.withAddress(url).withPublisher(host(url).orElse("GDELT 2.0"));
        }
        Optional<LocalDate> added = compactDay(cells[DATE_ADDED]);
        if (added.isPresent() && !added.get().isBefore(HappenedOn.EARLIEST) && !added.get().isAfter(HappenedOn.LATEST)) {
            s = s.withPublished(added.get());
        }
        return s;
    }

    /** The URL's host without "www.": {@code bbc.com}. */
    static Optional<String> host(String url) {
        Matcher m = HOST.matcher(url);
        if (!m.find()) {
            return Optional.empty();
        }
        String host = m.group(1).toLowerCase(Locale.ROOT);
        return Optional.of(host.startsWith("www.") ? host.substring(4) : host);
    }
}
