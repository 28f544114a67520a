package org.entente.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.serialization.json.JacksonSerializer;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.relationship.FactEvent;
import org.entente.core.relationship.RelationshipEvent;

/**
 * Checks every row of a copy or an export, in order, before anything is written to the target, and
 * sums them up into the manifest they make:
 * <ul>
 *   <li>tables in order (events, snapshots, fact ids, organisations); required columns present;</li>
 *   <li>events: positions increasing; the aggregate a dyad id as stored; each dyad's sequence numbers
 *       0, 1, 2... without gap or repeat; a recording time; a payload that the store can read (for
 *       event types and revisions this version knows) about the dyad of its row;</li>
 *   <li>snapshots: of a dyad that has events, at a sequence number it reached, not twice;</li>
 *   <li>fact ids: well-formed, listed once, of the dyad whose event recorded the fact, and every fact
 *       recorded by an event listed (this is what finds an export cut short when it has no manifest);</li>
 *   <li>organisations: an acronym as {@code Organisation.register} keeps it (2 to 12 characters, A-Z and
 *       0-9, starting with a letter; not a country's code) listed once, a name of 1 to 200 characters
 *       without control characters or surrounding blanks, a CAMEO actor code of three-letter codes or
 *       none. Whether they fit this JVM's registrations is {@code StoreCopy}'s check.</li>
 * </ul>
 * Memory: one entry per dyad, one per fact id and one per organisation.
 */
final class RowCheck {

    /** Where a fact id was first recorded. */
    private record Origin(String dyad, long row) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ACRONYM = Pattern.compile("[A-Z][A-Z0-9]{1," + (OrganisationRegistry.ACRONYM_WIDTH - 1) + "}");
    private static final Pattern CAMEO = Pattern.compile("(?:[A-Z]{3}){1," + OrganisationRegistry.CAMEO_WIDTH / 3 + "}");

    private final boolean fromFile;
    private final EventTypeRegistry types = EventTypeRegistry.standard();
    private final NamedTypeSerializer serializer = new NamedTypeSerializer(
            JacksonSerializer.builder().objectMapper(EntenteJackson.mapper(types)).build(), types);
    private final MessageDigest sha256;
    private final long[] counts = new long[CopiedTable.values().length];
    private CopiedTable section;
    private long lastGlobalIndex;
    private final Map<String, Long> nextSequence = new HashMap<>();
    private final Map<String, Origin> recorded = new HashMap<>();
    private final Set<String> listed = new HashSet<>();
    private final Set<String> snapshots = new HashSet<>();
    private final Map<String, OrganisationRegistry.Row> organisations = new LinkedHashMap<>();
    /** Whether every event's recorded fact id could be read (false when a payload has a shape only an upcaster reads). */
    private boolean everyFactKnown = true;

    /** @param fromFile whether rows are numbered by file line (else by their place in the source store) */
    RowCheck(boolean fromFile) {
        this.fromFile = fromFile;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Checks the next row and adds its line to the checksum. */
    void accept(ExportLines.Row row) {
        sha256.update(row.line());
        sha256.update((byte) '\n');
        if (section != null && row.table().ordinal() < section.ordinal()) {
            throw reject(row, "a " + row.table().table() + " row after " + section.table() + " rows; an export lists "
                    + String.join(", then ", CopiedTable.names()));
        }
        section = row.table();
        switch (row.table()) {
            case EVENTS -> event(row);
            case SNAPSHOTS -> snapshot(row);
            case FACT_IDS -> factId(row);
            case ORGANISATIONS -> organisation(row);
        }
        counts[row.table().ordinal()]++;
    }

    /** Rows seen so far, per table (events, snapshots, fact ids, organisations). */
    long[] counts() {
        return counts.clone();
    }

    /**
     * Finishes the check: every fact recorded by an event has its fact-id row.
     *
     * @return the manifest of the rows seen
     */
    StoreCopy.Manifest finish() {
        long missing = 0;
        Map.Entry<String, Origin> first = null;
        for (Map.Entry<String, Origin> e : recorded.entrySet()) {
            if (!listed.contains(e.getKey())) {
                missing++;
                if (first == null || e.getValue().row() < first.getValue().row()) {
                    first = e;
                }
            }
        }
        if (missing > 0) {
            throw new BackupRejectedException(missing + " fact id(s) recorded by events have no row in " + FactIdRegistry.TABLE
                    + " (the first: " + first.getKey() + " of " + first.getValue().dyad() + ", recorded " + place(first.getValue().row())
                    + "); the " + (fromFile ? "file" : "source") + " is incomplete (" + counts[2] + " fact id row(s) after "
                    + counts[0] + " event(s))");
        }
        return new StoreCopy.Manifest(StoreCopy.MANIFEST_FORMAT, counts[0], counts[1], counts[2], counts[3], lastGlobalIndex,
                HexFormat.of().formatHex(sha256.digest()));
    }

    /** The organisation rows seen, in order. */
    List<OrganisationRegistry.Row> organisations() {
        return List.copyOf(organisations.values());
    }

    private void event(ExportLines.Row row) {
        long position = row.whole("globalIndex");
        if (position < 1 || position <= lastGlobalIndex) {
            throw reject(row, "event position " + position + (position < 1 ? " is below 1" : " follows position " + lastGlobalIndex)
                    + "; positions increase from 1");
        }
        lastGlobalIndex = position;
        String dyad = dyad(row);
        long sequence = row.whole("sequenceNumber");
        long expected = nextSequence.getOrDefault(dyad, 0L);
        if (sequence != expected) {
            throw reject(row, sequence < expected
                    ? dyad + " event #" + sequence + " is there twice; a dyad's events are numbered once each"
                    : dyad + " event #" + sequence + " follows #" + (expected - 1) + ", so #" + expected
                    + " is missing; a dyad's events are numbered from 0 without gaps");
        }
        nextSequence.put(dyad, expected + 1);
        time(row);
        json(row, "metaData");
        String type = row.text("payloadType");
        String revision = row.text("payloadRevision");
        EventTypeRegistry.Entry entry = types.byName(type).orElseThrow(() -> reject(row, "event type '"
                + ExportLines.abbreviate(type) + "' is not one Entente stores (registered: " + types.entries().keySet() + ")"));
        String fact;
        if (entry.revision().equals(revision)) {
            Object event;
            try {
                event = serializer.deserializeEvent((byte[]) row.get("payload"), type, revision);
            } catch (RuntimeException e) {
                throw reject(row, "the " + type + " payload cannot be read (" + message(e) + ")");
            }
            if (!(event instanceof RelationshipEvent r)) {
                throw reject(row, "a " + type + " is not an event of a dyad's history");
            }
            if (!r.dyad().id().equals(dyad)) {
                throw reject(row, "the " + type + " is about " + r.dyad() + " but stored as an event of " + dyad);
            }
            fact = r.match(f -> f.fact().id().value(), retracted -> null, corrected -> corrected.revised().fact().id().value());
            if (r instanceof RelationshipEvent.FactsRetracted retracted) {
                for (FactId id : retracted.facts()) {
                    sameDyad(row, id.value(), dyad);
                }
            }
        } else {
            // A shape of another revision: an upcaster of the target reads it; only its fact id is looked at here.
            JsonNode payload = json(row, "payload");
            JsonNode id = payload.path("fact").path("id");
            if (id.isMissingNode()) {
                id = payload.path("revised").path("fact").path("id");
            }
            fact = id.isTextual() ? id.asText() : null;
            if (fact == null && !payload.has("facts")) {
                everyFactKnown = false;
            }
        }
        if (fact != null) {
            Origin origin = recorded.get(fact);
            if (origin == null) {
                recorded.put(fact, new Origin(dyad, row.number()));
            } else {
                sameDyad(row, fact, dyad);
            }
        }
    }

    private void sameDyad(ExportLines.Row row, String fact, String dyad) {
        Origin origin = recorded.get(fact);
        if (origin != null && !origin.dyad().equals(dyad)) {
            throw reject(row, "fact id " + fact + " of " + dyad + " was recorded for " + origin.dyad() + " " + place(origin.row())
                    + "; fact ids are unique across the store");
        }
    }

    private void snapshot(ExportLines.Row row) {
        String dyad = dyad(row);
        long sequence = row.whole("sequenceNumber");
        Long next = nextSequence.get(dyad);
        if (next == null || sequence >= next) {
            throw reject(row, "a snapshot of " + dyad + " at event #" + sequence + ", but " + dyad
                    + (next == null ? " has no events" : "'s last event is #" + (next - 1)));
        }
        if (!snapshots.add(dyad + "#" + sequence)) {
            throw reject(row, "a second snapshot of " + dyad + " at event #" + sequence);
        }
        time(row);
        json(row, "metaData");
        json(row, "payload");
    }

    private void factId(ExportLines.Row row) {
        String fact = row.text("fact_id");
        try {
            FactId.of(fact);
        } catch (IllegalArgumentException e) {
            throw reject(row, e.getMessage());
        }
        String dyad = dyad(row, "dyad");
        if (!listed.add(fact)) {
            throw reject(row, "fact id " + fact + " is listed twice; fact ids are unique across the store");
        }
        Origin origin = recorded.get(fact);
        if (origin == null) {
            if (everyFactKnown) {
                throw reject(row, "fact id " + fact + " of " + dyad + " was recorded by no event");
            }
        } else if (!origin.dyad().equals(dyad)) {
            throw reject(row, "fact id " + fact + " is listed for " + dyad + ", but the event that recorded it (" + place(origin.row())
                    + ") is of " + origin.dyad());
        }
    }

    private void organisation(ExportLines.Row row) {
        String acronym = row.text("acronym");
        if (!ACRONYM.matcher(acronym).matches()) {
            throw reject(row, "organisation acronym '" + ExportLines.abbreviate(acronym) + "' is not one as stored: 2 to "
                    + OrganisationRegistry.ACRONYM_WIDTH + " characters, A-Z and 0-9, starting with a letter");
        }
        if (Country.isValid(acronym)) {
            throw reject(row, "organisation acronym " + acronym + " is a country's ISO 3166-1 alpha-3 code (" + Country.of(acronym).name()
                    + "); an organisation's acronym cannot be one");
        }
        String name = row.text("name");
        if (name.isEmpty() || name.length() > OrganisationRegistry.NAME_WIDTH || !name.strip().equals(name)
                || name.chars().anyMatch(Character::isISOControl)) {
            throw reject(row, "the name of organisation " + acronym + " must have 1 to " + OrganisationRegistry.NAME_WIDTH
                    + " characters, without control characters or surrounding blanks, got '" + ExportLines.abbreviate(name) + "'");
        }
        String cameo = row.text("cameo");
        if (cameo != null && !CAMEO.matcher(cameo).matches()) {
            throw reject(row, "the CAMEO actor code of organisation " + acronym + " is '" + ExportLines.abbreviate(cameo)
                    + "'; expected three-letter codes run together, such as IGOWAS, up to " + OrganisationRegistry.CAMEO_WIDTH
                    + " characters, or none");
        }
        if (organisations.putIfAbsent(acronym, new OrganisationRegistry.Row(acronym, name, cameo)) != null) {
            throw reject(row, "organisation " + acronym + " is listed twice; a store registers an acronym once");
        }
    }

    private String dyad(ExportLines.Row row) {
        return dyad(row, "aggregateIdentifier");
    }

    private String dyad(ExportLines.Row row, String column) {
        String id = row.text(column);
        Dyad dyad;
        try {
            dyad = Dyad.parse(id);
        } catch (IllegalArgumentException e) {
            throw reject(row, column + ": " + e.getMessage());
        }
        if (!dyad.id().equals(id)) {
            throw reject(row, column + " '" + ExportLines.abbreviate(id) + "' is not a dyad id as stored (" + dyad.id() + ")");
        }
        return id;
    }

    private void time(ExportLines.Row row) {
        String time = row.text("timeStamp");
        try {
            Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw reject(row, "timeStamp '" + ExportLines.abbreviate(time) + "' is not an instant such as 2024-08-05T10:15:30.123Z");
        }
    }

    private JsonNode json(ExportLines.Row row, String column) {
        byte[] bytes = (byte[]) row.get(column);
        if (bytes == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw reject(row, column + " does not hold a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw reject(row, column + " does not hold JSON (" + message(e) + ")");
        }
    }

    private String place(long row) {
        return fromFile ? "at line " + row : "in source row " + row;
    }

    private BackupRejectedException reject(ExportLines.Row row, String message) {
        return fromFile ? new BackupRejectedException(row.number(), message)
                : new BackupRejectedException("source row " + row.number() + " (" + row.table().table() + "): " + message);
    }

    private static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return ExportLines.abbreviate(nl < 0 ? m : m.substring(0, nl));
    }
}
