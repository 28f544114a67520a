package org.entente.eventdata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.entente.core.CameoCode;
import org.entente.core.Organisation;
import org.entente.core.Precision;
import org.entente.core.Source;

/**
 * PLOVER (and POLECAT-style) JSON lines: one object per line with the required {@code id},
 * {@code date}, {@code actor} and {@code event}, and the optional {@code recipient}, {@code mode} and
 * {@code context}. Actors are CAMEO country codes (ISO alpha-3), as a string or an object with a
 * {@code country}, {@code code} or {@code country_name} field. The event type goes to CAMEO through
 * {@link PloverMapping}.
 *
 * <p>Organisations: PLOVER names the UN {@code UNO} and the EU {@code EUR} (in CAMEO, {@code EUR} is the
 * region Europe; in PLOVER it is the EU) and any other intergovernmental organisation {@code IGO}, with
 * the organisation's name in the actor object's {@code entity_name} (PLOVER manual, "Country Names and
 * Sector Codes"); an {@code IGO} without one is skipped as an unknown organisation. Entente's own code
 * ({@code ORG:ECOWAS}) is read too.
 *
 * <p>Lines written by Entente's own export carry more, which is read back when present: {@code cameo}
 * (the exact code, preferred to the event type's mapping), {@code date_precision}, {@code description},
 * {@code sources}, and for an organisation {@code entente_actor} or {@code entente_recipient} (its
 * {@code ORG:} code, preferred to the PLOVER code). Other lines may give {@code url}, {@code publisher}
 * and {@code published} for their source. {@code entente_kind} is not read: every line is an interaction,
 * an exported {@code impose-sanctions} or {@code join} included, with the code and description the export
 * gave it.
 */
final class PloverImporter extends LineImporter {

    PloverImporter(CountryCrosswalk crosswalk, OrganisationCrosswalk organisations) {
        super(crosswalk, organisations);
    }

    @Override
    public Dataset dataset() {
        return Dataset.PLOVER;
    }

    @Override
    FileReader open(String fileName) {
        return (text, lineNo, first) -> {
            JsonNode o;
            try {
                o = Json.MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                return Row.skip(lineNo, "", SkipReason.MALFORMED_ROW, "not JSON: " + e.getOriginalMessage());
            }
            if (o == null || !o.isObject()) {
                return Row.skip(lineNo, "", SkipReason.MALFORMED_ROW, "not a JSON object");
            }
            String id = Json.text(o, "id").orElse("").strip();
            for (String required : List.of("id", "date", "actor", "event")) {
                JsonNode n = o.get(required);
                if (n == null || n.isNull()) {
                    return Row.skip(lineNo, id, SkipReason.MALFORMED_ROW, "required field '" + required + "' is missing");
                }
            }
            String date = Json.text(o, "date").orElse("");
            Precision precision = Precision.DAY;
            Optional<String> p = Json.text(o, "date_precision");
            if (p.isPresent()) {
                try {
                    precision = Precision.valueOf(p.get().strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    return Row.skip(lineNo, id, SkipReason.BAD_DATE, "date_precision '" + Text.cut(p.get(), 20)
                            + "' is not day, month or year");
                }
            }
            String event = Json.text(o, "event").orElse("");
            String mode = Json.text(o, "mode").orElse("");
            List<String> context = context(o.get("context"));
            Optional<String> cameo = Json.text(o, "cameo");
            String code = cameo.orElseGet(() -> PloverMapping.toCameo(event, mode, context).map(CameoCode::code).orElse(""));
            String badCode = cameo.isPresent() ? ""
                    : "PLOVER event type '" + Text.cut(event, 30) + "' is not one Entente maps; accepted: "
                    + String.join(", ", PloverMapping.EVENT_TYPES);
            String actor = countryText(o.get("actor"));
            String recipient = countryText(o.get("recipient"));
            List<Source> sources;
            try {
                sources = o.has("sources") ? Json.sources(o.get("sources")) : List.of(source(o, fileName));
            } catch (IllegalArgumentException e) {
                return Row.skip(lineNo, id, SkipReason.MALFORMED_ROW, e.getMessage());
            }
            String description = Json.text(o, "description").orElseGet(() -> (actor.isEmpty() ? "?" : actor) + " → "
                    + (recipient.isEmpty() ? "?" : recipient) + ": " + event.strip().toUpperCase(Locale.ROOT)
                    + (mode.isBlank() ? "" : " (" + mode.strip() + ")")
                    + (context.isEmpty() ? "" : " [" + String.join(", ", context) + "]"));
            return interaction(lineNo, id, isoDay(date), date, precision, code, badCode,
                    side(actor, o.get("actor"), Json.text(o, "entente_actor")),
                    side(recipient, o.get("recipient"), Json.text(o, "entente_recipient")), description, sources);
        };
    }

    /**
     * A country, or an organisation: Entente's own code first (its exports write {@code entente_actor}),
     * then PLOVER's {@code UNO}, {@code EUR} and {@code IGO} with its {@code entity_name}.
     */
    private RowActor side(String text, JsonNode node, Optional<String> ententeCode) {
        if (ententeCode.isPresent() && !ententeCode.get().isBlank()) {
            return RowActor.of(organisations.code(ententeCode.get()));
        }
        String key = text.strip().toUpperCase(Locale.ROOT);
        if (key.startsWith(Organisation.CODE_PREFIX)) {
            return RowActor.of(organisations.code(text));
        }
        OrganisationMatch plover = organisations.ploverCode(key);
        if (plover.isFound()) {
            return RowActor.of(plover);
        }
        if (key.equals("IGO")) {
            Optional<String> entity = node != null && node.isObject() ? Json.text(node, "entity_name").filter(n -> !n.isBlank())
                    : Optional.empty();
            return RowActor.of(entity.isPresent() ? organisations.name(entity.get()) : plover);
        }
        return RowActor.of(crosswalk.cameo(text));
    }

    private static String countryText(JsonNode n) {
        if (n == null || n.isNull()) {
            return "";
        }
        if (n.isObject()) {
            return Json.text(n, "country").or(() -> Json.text(n, "code")).or(() -> Json.text(n, "country_name")).orElse("");
        }
        return n.isValueNode() ? n.asText().strip() : "";
    }

    private static List<String> context(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(c -> {
                if (c.isValueNode() && !c.asText().isBlank()) {
                    out.add(c.asText().strip());
                }
            });
        } else if (n.isValueNode()) {
            for (String c : n.asText().split("[,;]")) {
                if (!c.isBlank()) {
                    out.add(c.strip());
                }
            }
        }
        return out;
    }

    private static Source source(JsonNode o, String fileName) {
        Source s = Source.of(Source.Kind.ARTICLE, Source.Confidence.REPORTED);
        Optional<String> url = Json.text(o, "url").filter(u -> !u.isBlank() && u.length() <= Source.MAX_TEXT);
        Optional<String> publisher = Json.text(o, "publisher").filter(u -> !u.isBlank());
        if (url.isPresent()) {
            s = s.withAddress(url.get()).withPublisher(publisher.map(v -> Text.cut(v, Source.MAX_TEXT))
                    .orElseGet(() -> GdeltImporter.host(url.get()).orElse("PLOVER")));
        } else if (publisher.isPresent()) {
            s = s.withPublisher(Text.cut(publisher.get(), Source.MAX_TEXT));
        } else {
            s = s.withPublisher("PLOVER").withAddress(Text.cut(fileName, Source.MAX_TEXT));
        }
        Optional<java.time.LocalDate> published = Json.text(o, "published").flatMap(LineImporter::isoDay);
        if (published.isPresent()) {
            try {
                s = s.withPublished(published.get());
            } catch (IllegalArgumentException ignored) {
                // A publication date outside Entente's range is left out rather than losing the row.
            }
        }
        return s;
    }
}
