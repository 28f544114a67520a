package org.entente.eventdata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.CameoCode;
import org.entente.core.Actor;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.Organisation;
import org.entente.core.Source;
import org.entente.core.relationship.DyadHistory;
import org.entente.core.relationship.FactEvent;
import org.entente.eventdata.PloverMapping.PloverEvent;
import org.entente.partnership.Partnership;
import org.entente.partnership.RepresentationLevel;
import org.entente.timeline.TimelineEntry;
import org.entente.timeline.TimelineFilter;

/**
 * Writes Entente's history in the formats event-data users compare with: PLOVER-style JSON lines,
 * CAMEO-coded TSV, and Correlates of War Diplomatic Exchange dyad-years.
 *
 * <pre>{@code
 * List<FactEvent> facts = Exporter.facts(entente);       // every fact as known now, retracted ones left out
 * Exporter.plover(facts, writer);                        // one JSON object per fact
 * Exporter.cameo(facts, writer);                         // one TSV row per fact, with a header
 * Exporter.cow(entente, CowOptions.years(1960, 2005).every(5), writer);
 * }</pre>
 *
 * <p>Every fact is written with its direction (actor → target), its CAMEO code and Goldstein value
 * from {@link CameoMapping} (an interaction keeps its own code), and its sources. PLOVER lines carry,
 * besides PLOVER's {@code id, date, actor, recipient, event, mode, context}, Entente's
 * {@code date_precision, cameo, goldstein, quad_class, entente_kind, description, sources}, so
 * {@link Importer#plover()} reads an interaction back with nothing lost but the id's {@code plover-} prefix.
 * Any other fact (sanctions, a withdrawal, a membership) comes back as an interaction with its code,
 * actors, date, description and sources: the importer does not read {@code entente_kind}, because
 * structural facts are never inferred from event data (see {@link Importer}).
 *
 * <p>Organisations: a PLOVER line names one as PLOVER does ({@code UNO} the UN, {@code EUR} the EU,
 * {@code IGO} any other) and adds Entente's {@code entente_actor} or {@code entente_recipient} with its
 * code ({@code ORG:ECOWAS}), which the importer reads back. The CAMEO TSV writes Entente's code and name
 * ({@code ORG:ECOWAS}, "Economic Community of West African States"); the organisation's CAMEO actor code,
 * where the CAMEO manual gives one, is {@link org.entente.core.Organisation#cameoCode()}. Correlates of
 * War numbers states only: dyads with an organisation are left out of its export, with a note.
 */
public final class Exporter {

    /** The columns of the CAMEO TSV export. */
    public static final List<String> CAMEO_COLUMNS = List.of("fact_id", "date", "date_precision", "actor", "actor_name",
            "target", "target_name", "cameo", "cameo_name", "goldstein", "quad_class", "entente_kind", "description", "sources");

    /** The columns of the Correlates of War export, as the Diplomatic Exchange dataset names them. */
    public static final List<String> COW_COLUMNS = List.of("ccode1", "ccode2", "year", "DR_at_1", "DR_at_2", "DE");

    private Exporter() {
    }

    /**
     * {@return every fact of the store as known now (each at its latest revision), retracted facts left out,
     * in happened order (day, kind's rank, fact id); facts with organisations included}
     *
     * @param entente the Entente to read
     */
    public static List<FactEvent> facts(Entente entente) {
        Objects.requireNonNull(entente, "entente");
        Map<FactId, FactEvent> byId = new LinkedHashMap<>();
        TimelineFilter current = TimelineFilter.all().withoutRetracted();
        List<Actor> actors = new ArrayList<>(Country.all());
        // Organisations last: their dyads with countries are found through the countries already, and only
        // organisation-organisation dyads (EU-AU) need their own pass.
        actors.addAll(Organisation.all());
        for (Actor actor : actors) {
            for (TimelineEntry e : entente.timeline(actor, current)) {
                byId.putIfAbsent(e.fact().fact().id(), e.fact());
            }
        }
        List<FactEvent> facts = new ArrayList<>(byId.values());
        facts.sort(DyadHistory.ORDER);
        return facts;
    }

    /**
     * Writes one PLOVER-style JSON object per fact.
     *
     * @param facts the facts to write, in the order given (see {@link #facts})
     * @param out where to write
     * @return the format {@code plover} and the number of lines written
     */
    public static ExportReport plover(List<? extends FactEvent> facts, Writer out) {
        Objects.requireNonNull(out, "out");
        try {
            for (FactEvent f : facts) {
                out.write(ploverLine(f));
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ExportReport("plover", facts.size(), List.of());
    }

    /**
     * Writes a header and one CAMEO-coded TSV row per fact ({@link #CAMEO_COLUMNS}).
     *
     * @param facts the facts to write, in the order given (see {@link #facts})
     * @param out where to write
     * @return the format {@code cameo} and the number of rows written, header left out
     */
    public static ExportReport cameo(List<? extends FactEvent> facts, Writer out) {
        Objects.requireNonNull(out, "out");
        try {
            out.write(String.join("\t", CAMEO_COLUMNS));
            out.write('\n');
            for (FactEvent f : facts) {
                out.write(cameoRow(f));
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ExportReport("cameo", facts.size(), List.of());
    }

    /**
     * Writes Correlates of War style dyad-year rows for every dyad with a recorded fact: the level of
     * each side's head of mission in the other (ambassador 3, chargé d'affaires 1, none 0) on the
     * chosen day of each year, and {@code DE} 1 when either side is represented. {@code ccode1} is the
     * lower number; {@code DR_at_1} is the level of country 2's representative in country 1. Dyads with
     * a country that COW does not number, or with an organisation (COW numbers states only), are left out
     * and noted.
     *
     * @param entente the Entente to read
     * @param options the years, the step between them and the day of the year to read
     * @param out where to write
     * @return the format {@code cow}, the rows written and the dyads left out
     */
    public static ExportReport cow(Entente entente, CowOptions options, Writer out) {
        Objects.requireNonNull(entente, "entente");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(out, "out");
        CountryCrosswalk crosswalk = CountryCrosswalk.standard();
        TreeSet<Dyad> dyads = facts(entente).stream().map(FactEvent::dyad).collect(Collectors.toCollection(TreeSet::new));
        record Numbered(int c1, int c2, Actor first, Actor second) {
        }
        List<Numbered> numbered = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Dyad d : dyads) {
            OptionalInt a = (d.first() instanceof Country c ? crosswalk.cowNumberOf(c) : OptionalInt.empty());
            OptionalInt b = (d.second() instanceof Country c ? crosswalk.cowNumberOf(c) : OptionalInt.empty());
            if (a.isEmpty() || b.isEmpty()) {
                Actor missing = a.isEmpty() ? d.first() : d.second();
                notes.add(d + " left out: " + (missing instanceof Organisation
                        ? "Correlates of War numbers states only, and " + missing.code() + " (" + missing.name() + ") is an organisation"
                        : "Correlates of War does not number " + missing.code() + " (" + missing.name() + ")"));
                continue;
            }
            numbered.add(a.getAsInt() < b.getAsInt() ? new Numbered(a.getAsInt(), b.getAsInt(), d.first(), d.second())
                    : new Numbered(b.getAsInt(), a.getAsInt(), d.second(), d.first()));
        }
        numbered.sort((x, y) -> x.c1 != y.c1 ? Integer.compare(x.c1, y.c1) : Integer.compare(x.c2, y.c2));
        int rows = 0;
        try {
            out.write(String.join(",", COW_COLUMNS));
            out.write('\n');
            for (Numbered n : numbered) {
                Dyad dyad = Dyad.of(n.first, n.second);
                for (int year = options.from(); year <= options.to(); year += options.step()) {
                    LocalDate day = options.day().atYear(year);
                    Partnership p = entente.partnership(dyad, When.asOf(day));
                    int at1 = level(p, n.second, n.first);
                    int at2 = level(p, n.first, n.second);
                    out.write(n.c1 + "," + n.c2 + "," + year + "," + at1 + "," + at2 + "," + (at1 > 0 || at2 > 0 ? 1 : 0) + "\n");
                    rows++;
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ExportReport("cow", rows, notes);
    }

    /** The COW level of {@code sender}'s head of mission in {@code host}. */
    private static int level(Partnership p, Actor sender, Actor host) {
        return p.representation().stream()
                .filter(r -> r.sender().equals(sender) && r.host().equals(host))
                .map(Partnership.Representation::level)
                .findFirst().orElse(RepresentationLevel.NONE).cowCode();
    }

    /**
     * {@return the PLOVER-style JSON line of a fact (without the line break)}
     *
     * @param fact any fact event; not null
     */
    public static String ploverLine(FactEvent fact) {
        Objects.requireNonNull(fact, "fact");
        CameoCode code = CameoMapping.of(fact);
        PloverEvent plover = PloverMapping.fromCameo(code);
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", fact.fact().id().value());
        o.put("date", fact.fact().happened().day().toString());
        o.put("date_precision", fact.fact().happened().precision().name().toLowerCase(Locale.ROOT));
        o.put("actor", ploverCode(fact.fact().actor()));
        o.put("recipient", ploverCode(fact.fact().target()));
        o.put("event", plover.event());
        if (!plover.mode().isEmpty()) {
            o.put("mode", plover.mode());
        }
        if (!plover.context().isEmpty()) {
            ArrayNode context = o.putArray("context");
            plover.context().forEach(context::add);
        }
        o.put("cameo", code.code());
        o.put("goldstein", code.goldstein());
        o.put("quad_class", code.quadClass());
        o.put("entente_kind", fact.kind().slug());
        if (fact.fact().actor() instanceof Organisation) {
            o.put("entente_actor", fact.fact().actor().code());
        }
        if (fact.fact().target() instanceof Organisation) {
            o.put("entente_recipient", fact.fact().target().code());
        }
        o.put("description", Describe.of(fact));
        ArrayNode sources = o.putArray("sources");
        fact.fact().sources().forEach(s -> sources.add(Json.source(s)));
        try {
            return Json.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write fact " + fact.fact().id() + " as JSON", e);
        }
    }

    /**
     * {@return the CAMEO TSV row of a fact ({@link #CAMEO_COLUMNS}, without the line break)}
     *
     * @param fact any fact event; not null
     */
    public static String cameoRow(FactEvent fact) {
        Objects.requireNonNull(fact, "fact");
        CameoCode code = CameoMapping.of(fact);
        List<String> cells = List.of(
                fact.fact().id().value(),
                fact.fact().happened().day().toString(),
                fact.fact().happened().precision().name().toLowerCase(Locale.ROOT),
                fact.fact().actor().code(),
                fact.fact().actor().name(),
                fact.fact().target().code(),
                fact.fact().target().name(),
                code.code(),
                code.name(),
                Text.number(code.goldstein()),
                Integer.toString(code.quadClass()),
                fact.kind().slug(),
                Describe.of(fact),
                fact.fact().sources().stream().map(Exporter::sourceText).collect(Collectors.joining(" | ")));
        return cells.stream().map(Text::cell).collect(Collectors.joining("\t"));
    }

    /** A country's ISO code (PLOVER's three-letter form); an organisation's PLOVER code, UNO, EUR or IGO. */
    private static String ploverCode(Actor actor) {
        return actor instanceof Organisation o ? OrganisationCrosswalk.standard().ploverCodeOf(o) : actor.code();
    }

    /** "Reuters (devdiscourse.com), 2023-08-03, https://..." */
    private static String sourceText(Source s) {
        List<String> parts = new ArrayList<>();
        parts.add(s.publisher().orElse(s.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        s.title().ifPresent(parts::add);
        s.published().ifPresent(d -> parts.add(d.toString()));
        s.address().ifPresent(parts::add);
        return String.join(", ", parts);
    }
}
