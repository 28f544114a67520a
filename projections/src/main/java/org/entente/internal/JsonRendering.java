package org.entente.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.entente.When;
import org.entente.core.Actor;
import org.entente.core.FactId;
import org.entente.core.Source;
import org.entente.core.relationship.FactEvent;
import org.entente.core.relationship.RelationshipState;
import org.entente.core.store.EntenteJackson;
import org.entente.core.store.EventTypeRegistry;
import org.entente.core.text.ControlCharacters;
import org.entente.core.text.TerminalText;
import org.entente.partnership.Partnership;
import org.entente.partnership.Portfolio;
import org.entente.simulation.DroppedFact;
import org.entente.simulation.PortfolioComparison;
import org.entente.timeline.DyadChanges;
import org.entente.timeline.TimelineEntry;

/**
 * The JSON behind the read models' {@code toJson()} (and so the command line's {@code --format json}).
 * Not API: call {@code toJson()} on the read model; the shapes are documented there and in the README.
 *
 * <p>Every object is built field by field, so that only documented fields appear (never one that a
 * getter such as {@code isEmpty()} would add) and a change to a record does not change the shape
 * unnoticed. Absent optional values are left out. Actor, dyad and fact id are plain strings, dates
 * ISO text, enum values their Java constant names.
 *
 * <p>Jackson escapes the C0 controls; DEL, the C1 controls and the bidirectional and separator
 * characters of {@link ControlCharacters} are escaped as {@code \}{@code uXXXX} too, so that a
 * terminal shows the JSON as it is and a JSON reader gets the exact stored text back.
 */
public final class JsonRendering {

    /** Jackson escapes C0 controls already; DEL, C1, bidirectional and separator characters are added. */
    private static final CharacterEscapes ESCAPES = new CharacterEscapes() {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        {
            ascii[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ControlCharacters.isControl(ch) ? new SerializedString(TerminalText.escape(String.valueOf((char) ch))) : null;
        }
    };

    private static final ObjectMapper MAPPER = EntenteJackson.mapper(EventTypeRegistry.standard())
            .enable(SerializationFeature.INDENT_OUTPUT);

    static {
        MAPPER.getFactory().setCharacterEscapes(ESCAPES);
    }

    private JsonRendering() {
    }

    /**
     * The tree as indented JSON text, escaped as the type's documentation says.
     *
     * @param tree the JSON tree
     * @return the text, without a final line feed
     */
    public static String write(JsonNode tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A generator of indented JSON on a writer, escaped as {@link #write(JsonNode)} escapes, for a
     * document too long to hold as a tree (a series). Closing it does not close the writer.
     *
     * @param out where to write
     * @return the generator
     * @throws java.io.IOException when the writer fails
     */
    public static com.fasterxml.jackson.core.JsonGenerator generator(java.io.Writer out) throws java.io.IOException {
        com.fasterxml.jackson.core.JsonGenerator g = MAPPER.getFactory().createGenerator(out);
        g.disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setPrettyPrinter(new com.fasterxml.jackson.core.util.DefaultPrettyPrinter());
        return g;
    }

    /**
     * A portfolio as a top-level document.
     *
     * @param format the format version to write first
     * @param p      the portfolio
     * @param when   the query, whose {@code knownAt} and {@code publishedBy} are written when present
     * @return the tree
     */
    public static ObjectNode portfolio(String format, Portfolio p, Optional<When> when) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format", format);
        portfolioFields(o, p);
        when.flatMap(When::knownAt).ifPresent(i -> o.put("knownAt", i.toString()));
        when.flatMap(When::publishedBy).ifPresent(d -> o.put("publishedBy", d.toString()));
        return o;
    }

    /**
     * An organisation's members or a country's memberships as a top-level document.
     *
     * @param format the format version to write first
     * @param m      the memberships
     * @param when   the query, whose {@code knownAt} and {@code publishedBy} are written when present
     * @return the tree
     */
    public static ObjectNode memberships(String format, org.entente.partnership.Memberships m, Optional<When> when) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format", format);
        o.put("subject", m.subject().code());
        o.put("date", m.date().toString());
        ArrayNode entries = o.putArray("entries");
        m.entries().forEach(p -> partnershipFields(entries.addObject(), p));
        when.flatMap(When::knownAt).ifPresent(i -> o.put("knownAt", i.toString()));
        when.flatMap(When::publishedBy).ifPresent(d -> o.put("publishedBy", d.toString()));
        return o;
    }

    /**
     * A partnership as a top-level document.
     *
     * @param format the format version to write first
     * @param p      the partnership
     * @return the tree
     */
    public static ObjectNode partnership(String format, Partnership p) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format", format);
        partnershipFields(o, p);
        return o;
    }

    /**
     * A timeline as a top-level document.
     *
     * @param format  the format version to write first
     * @param subject the country or dyad
     * @param entries the facts
     * @return the tree
     */
    public static ObjectNode timeline(String format, String subject, List<TimelineEntry> entries) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format", format);
        o.put("subject", subject);
        ArrayNode facts = o.putArray("facts");
        for (TimelineEntry e : entries) {
            ObjectNode f = facts.addObject();
            f.put("id", e.id().value());
            f.put("kind", e.kind().name());
            f.put("happened", e.day().toString());
            f.put("precision", e.happened().precision().name());
            f.put("actor", e.actor().code());
            f.put("target", e.target().code());
            f.put("revision", e.revision());
            f.put("recordedAt", e.recordedAt().toString());
            f.put("revisedAt", e.revisedAt().toString());
            f.put("retracted", e.retracted());
            e.retractedAt().ifPresent(i -> f.put("retractedAt", i.toString()));
            e.retractionReason().ifPresent(r -> f.put("retractionReason", r));
            ArrayNode sources = f.putArray("sources");
            e.sources().forEach(s -> source(sources.addObject(), s));
            f.set("details", details(e.fact()));
        }
        return o;
    }

    /**
     * The changes of a country or dyad as a top-level document.
     *
     * @param format  the format version to write first
     * @param subject the country or dyad
     * @param from    the first date
     * @param to      the second date
     * @param changes the dyads that changed
     * @return the tree
     */
    public static ObjectNode changes(String format, String subject, LocalDate from, LocalDate to, List<DyadChanges> changes) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format", format);
        o.put("subject", subject);
        o.put("from", from.toString());
        o.put("to", to.toString());
        ArrayNode dyads = o.putArray("dyads");
        for (DyadChanges c : changes) {
            ObjectNode d = dyads.addObject();
            d.put("dyad", c.dyad().id());
            d.put("from", c.from().toString());
            d.put("to", c.to().toString());
            d.put("statusBefore", c.statusBefore().name());
            d.put("statusAfter", c.statusAfter().name());
            ids(d, "agreementsGained", c.agreementsGained());
            ids(d, "agreementsLost", c.agreementsLost());
            ids(d, "forcesArrived", c.forcesArrived());
            ids(d, "forcesLeft", c.forcesLeft());
            ids(d, "envoysArrived", c.envoysArrived());
            ids(d, "envoysLeft", c.envoysLeft());
            ids(d, "sanctionsImposed", c.sanctionsImposed());
            ids(d, "sanctionsLifted", c.sanctionsLifted());
        }
        return o;
    }

    /**
     * A simulation's outcome for one country on some dates, as a top-level document.
     *
     * @param format      the format version to write first
     * @param branchAt    the branch date
     * @param added       how many hypothetical facts the scenario adds
     * @param removed     how many real facts it removes
     * @param country     the country compared
     * @param touched     the dyads replayed
     * @param dropped     the real facts dropped in the branch
     * @param comparisons the comparisons, one per date
     * @return the tree
     */
    public static ObjectNode simulation(String format, LocalDate branchAt, int added, int removed, Actor country,
                                        List<String> touched, List<DroppedFact> dropped, List<PortfolioComparison> comparisons) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format", format);
        o.put("branchAt", branchAt.toString());
        o.put("added", added);
        o.put("removed", removed);
        o.put("country", country.code());
        ArrayNode t = o.putArray("touched");
        touched.forEach(t::add);
        ArrayNode ds = o.putArray("dropped");
        for (DroppedFact d : dropped) {
            ObjectNode n = ds.addObject();
            n.put("fact", d.fact().fact().id().value());
            n.put("day", d.fact().fact().happened().day().toString());
            n.put("kind", d.fact().kind().name());
            n.put("rule", d.rule());
            ids(n, "causes", d.causes());
        }
        ArrayNode cs = o.putArray("comparisons");
        for (PortfolioComparison c : comparisons) {
            ObjectNode n = cs.addObject();
            n.put("country", c.country().code());
            n.put("date", c.date().toString());
            ArrayNode partners = n.putArray("partners");
            for (PortfolioComparison.PartnerChange p : c.partners()) {
                ObjectNode pn = partners.addObject();
                pn.put("partner", p.partner().code());
                pn.put("statusBefore", p.statusBefore().name());
                pn.put("statusAfter", p.statusAfter().name());
                pn.put("weightBefore", p.weightBefore());
                pn.put("weightAfter", p.weightAfter());
            }
            c.diversificationBefore().ifPresent(v -> n.put("diversificationBefore", v));
            c.diversificationAfter().ifPresent(v -> n.put("diversificationAfter", v));
            portfolioFields(n.putObject("baseline"), c.baseline());
            portfolioFields(n.putObject("branch"), c.branch());
        }
        return o;
    }

    private static void portfolioFields(ObjectNode o, Portfolio p) {
        o.put("country", p.country().code());
        o.put("date", p.date().toString());
        ArrayNode partners = o.putArray("partners");
        p.partners().forEach(partnership -> partnershipFields(partners.addObject(), partnership));
        ArrayNode security = o.putArray("securityPartners");
        for (Portfolio.SecurityPartner s : p.securityPartners()) {
            ObjectNode n = security.addObject();
            n.put("partner", s.partner().code());
            n.put("weight", s.weight());
            n.put("share", s.share());
        }
        p.mix().ifPresent(m -> {
            ObjectNode n = o.putObject("mix");
            n.put("concentration", m.concentration());
            n.put("diversification", m.diversification());
            n.put("effectiveNumberOfPartners", m.effectiveNumberOfPartners());
        });
    }

    private static void partnershipFields(ObjectNode o, Partnership p) {
        o.put("dyad", p.dyad().id());
        o.put("date", p.date().toString());
        o.put("status", p.status().name());
        ObjectNode relations = o.putObject("relations");
        relations.put("status", p.relations().status().name());
        p.relations().since().ifPresent(d -> relations.put("since", d.toString()));
        ArrayNode representation = o.putArray("representation");
        for (Partnership.Representation r : p.representation()) {
            ObjectNode n = representation.addObject();
            n.put("sender", r.sender().code());
            n.put("host", r.host().code());
            n.put("level", r.level().name());
        }
        ArrayNode envoys = o.putArray("envoys");
        for (RelationshipState.Envoy e : p.envoys()) {
            ObjectNode n = envoys.addObject();
            n.put("appointment", e.appointment().value());
            n.put("sender", e.sender().code());
            n.put("host", e.host().code());
            n.put("role", e.role().name());
            e.name().ifPresent(v -> n.put("name", v));
            e.rank().ifPresent(v -> n.put("rank", v));
            n.put("since", e.since().toString());
        }
        ArrayNode agreements = o.putArray("agreements");
        for (RelationshipState.Agreement a : p.agreements()) {
            ObjectNode n = agreements.addObject();
            n.put("signing", a.signing().value());
            n.put("kind", a.kind().name());
            a.title().ifPresent(v -> n.put("title", v));
            n.put("signed", a.signed().toString());
            n.put("status", a.status().name());
            n.put("statusSince", a.statusSince().toString());
        }
        forces(o.putArray("forces"), p.forces());
        forces(o.putArray("withdrawals"), p.withdrawals());
        ArrayNode sanctions = o.putArray("sanctions");
        for (RelationshipState.Sanctions s : p.sanctions()) {
            ObjectNode n = sanctions.addObject();
            n.put("imposition", s.imposition().value());
            n.put("imposer", s.imposer().code());
            n.put("target", s.target().code());
            n.put("description", s.description());
            n.put("since", s.since().toString());
            s.lifted().ifPresent(d -> n.put("lifted", d.toString()));
        }
        p.lastContact().ifPresent(f -> factRef(o.putObject("lastContact"), f));
        p.lastFact().ifPresent(f -> factRef(o.putObject("lastFact"), f));
        o.put("temperature", p.temperature());
        o.put("trend", p.trend().name());
        o.put("securityWeight", p.securityWeight());
        o.put("facts", p.facts());
        p.membership().ifPresent(m -> {
            ObjectNode n = o.putObject("membership");
            n.put("member", m.member().code());
            n.put("organisation", m.organisation().code());
            n.put("status", p.membershipStatus().name());
            n.put("joining", m.joining().value());
            n.put("joined", m.joined().toString());
            m.suspension().ifPresent(x -> {
                ObjectNode sn = n.putObject("suspension");
                sn.put("fact", x.suspension().value());
                sn.put("since", x.since().toString());
                x.scope().ifPresent(v -> sn.put("scope", v));
            });
            m.announcedWithdrawal().ifPresent(a -> {
                ObjectNode an = n.putObject("announcedWithdrawal");
                an.put("fact", a.announcement().value());
                an.put("announced", a.announced().toString());
                an.put("effective", a.effective().toString());
            });
            m.withdrawal().ifPresent(f -> factRef(n.putObject("withdrawal"), f));
        });
    }

    private static void forces(ArrayNode array, List<RelationshipState.Forces> forces) {
        for (RelationshipState.Forces f : forces) {
            ObjectNode n = array.addObject();
            n.put("stationing", f.stationing().value());
            n.put("owner", f.owner().code());
            n.put("host", f.host().code());
            f.location().ifPresent(v -> n.put("location", v));
            f.size().ifPresent(v -> n.put("size", v));
            ArrayNode bases = n.putArray("bases");
            f.bases().forEach(bases::add);
            n.put("invited", f.invited());
            n.put("since", f.since().toString());
            f.withdrawal().ifPresent(w -> {
                ObjectNode wn = n.putObject("withdrawal");
                wn.put("scheduledOn", w.scheduledOn().toString());
                w.deadline().ifPresent(d -> wn.put("deadline", d.toString()));
            });
            ArrayNode handedOver = n.putArray("basesHandedOver");
            f.basesHandedOver().forEach(handedOver::add);
            f.withdrawn().ifPresent(d -> n.put("withdrawn", d.toString()));
        }
    }

    private static void factRef(ObjectNode o, RelationshipState.FactRef f) {
        o.put("id", f.id().value());
        o.put("kind", f.kind().name());
        o.put("day", f.day().toString());
    }

    private static void source(ObjectNode o, Source s) {
        o.put("kind", s.kind().name());
        o.put("confidence", s.confidence().name());
        s.publisher().ifPresent(v -> o.put("publisher", v));
        s.title().ifPresent(v -> o.put("title", v));
        s.address().ifPresent(v -> o.put("address", v));
        s.published().ifPresent(d -> o.put("published", d.toString()));
        s.note().ifPresent(v -> o.put("note", v));
    }

    /**
     * A fact's own fields, as its stored event names them ({@code agreementKind}, {@code location},
     * {@code deadline}...): whatever a kind holds beyond the common header, for every kind, present
     * and future.
     */
    private static ObjectNode details(FactEvent fact) {
        ObjectNode all = MAPPER.valueToTree(fact);
        all.remove("@type");
        all.remove("fact");
        return all;
    }

    private static void ids(ObjectNode o, String field, List<FactId> ids) {
        ArrayNode array = o.putArray(field);
        ids.forEach(id -> array.add(id.value()));
    }
}
