package org.entente.core.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.WritableTypeId;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.entente.core.CameoCode;
import org.entente.core.Actor;
import org.entente.core.Country;
import org.entente.core.Organisation;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.relationship.AttacheService;
import org.entente.core.relationship.DyadHistory;
import org.entente.core.relationship.FactEvent;
import org.entente.core.relationship.FactHeader;

/**
 * The one Jackson configuration for everything Entente stores: value types as plain strings
 * ({@code "NER"}, {@code "NER-USA"}, {@code "usa-denounce"}, {@code "042"}), dates as ISO text, empty
 * optionals left out, and facts nested in other objects (a correction, a snapshot) tagged with their
 * registry name. No default typing: the only polymorphic type is {@link FactEvent}, whose subtypes
 * are listed explicitly.
 */
public final class EntenteJackson {

    private EntenteJackson() {
    }

    /**
     * {@return a new mapper configured for Entente's stored types, names from the registry}
     *
     * @param registry the stored names of the event and snapshot types the mapper reads and writes
     */
    public static ObjectMapper mapper(EventTypeRegistry registry) {
        ObjectMapper mapper = new ObjectMapper();
        mapper.registerModule(new Jdk8Module());
        mapper.registerModule(new JavaTimeModule());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        mapper.setSerializationInclusion(JsonInclude.Include.NON_ABSENT);
        SimpleModule module = new SimpleModule("entente");
        stringValue(module, Country.class, Country::code, Country::of);
        // Actors and dyads read leniently: an organisation registered in another store still reads back.
        stringValue(module, Actor.class, Actor::code, Actor::ofStored);
        stringValue(module, Organisation.class, Organisation::code, code -> (Organisation) Actor.ofStored(code));
        stringValue(module, Dyad.class, Dyad::id, Dyad::ofStored);
        stringValue(module, FactId.class, FactId::value, FactId::of);
        stringValue(module, CameoCode.class, CameoCode::code, CameoCode::of);
        module.addSerializer(DyadHistory.class, new HistorySerializer());
        module.addDeserializer(DyadHistory.class, new HistoryDeserializer());
        module.addSerializer(FactEvent.AttacheAppointed.class, new AttacheSerializer());
        module.addDeserializer(FactEvent.AttacheAppointed.class, new AttacheDeserializer());
        module.setMixInAnnotation(FactEvent.class, FactEventMixin.class);
        module.setMixInAnnotation(org.entente.core.relationship.RelationshipState.class, StateMixin.class);
        module.addSerializer(RelationshipAggregate.class, new SnapshotSerializer());
        module.addDeserializer(RelationshipAggregate.class, new SnapshotDeserializer());
        mapper.registerModule(module);
        for (EventTypeRegistry.Entry e : registry.entries().values()) {
            if (FactEvent.class.isAssignableFrom(e.type())) {
                mapper.registerSubtypes(new NamedType(e.type(), e.name()));
            }
        }
        return mapper;
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "@type")
    private interface FactEventMixin {
    }

    /** A state in a snapshot is its components: {@code isEmpty()} is derived, not stored. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties({"empty"})
    private interface StateMixin {
    }

    /**
     * An aggregate snapshot of revision 2: the dyad, the last sequence number and the history's
     * {@link DyadHistory.Summary} (the state after every fact in force, the last of them, the counts), not
     * the facts, so that its size does not grow with the dyad's history.
     */
    private static final class SnapshotSerializer extends JsonSerializer<RelationshipAggregate> {
        @Override
        public void serialize(RelationshipAggregate value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            DyadHistory history = value.history();
            if (history == null) {
                throw new IllegalStateException("an aggregate with no event has nothing to snapshot");
            }
            DyadHistory.Summary summary = history.summary();
            gen.writeStartObject();
            gen.writeStringField("dyadId", value.dyadId());
            gen.writeNumberField("lastSequence", value.lastSequence());
            gen.writeFieldName("state");
            provider.defaultSerializeValue(summary.state(), gen);
            if (summary.last().isPresent()) {
                gen.writeFieldName("last");
                provider.defaultSerializeValue(summary.last().get(), gen);
            }
            gen.writeNumberField("size", summary.size());
            gen.writeNumberField("skipped", summary.skipped());
            gen.writeEndObject();
        }
    }

    /**
     * Reads an aggregate snapshot: revision 2's summary as a partial history, or (for tools that read an old
     * store's rows) revision 1's shape, which held the whole history under {@code "history"}. The store itself
     * never loads a revision-1 snapshot: its snapshot filter passes only the current revision.
     */
    private static final class SnapshotDeserializer extends JsonDeserializer<RelationshipAggregate> {
        @Override
        public RelationshipAggregate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = ctxt.readTree(p);
            JsonNode id = node.get("dyadId");
            JsonNode sequence = node.get("lastSequence");
            if (id == null || !id.isTextual() || sequence == null || !sequence.canConvertToLong()) {
                return ctxt.reportInputMismatch(RelationshipAggregate.class,
                        "a snapshot needs \"dyadId\" (text) and \"lastSequence\" (a whole number)");
            }
            Dyad dyad;
            try {
                dyad = Dyad.parse(id.asText());
            } catch (IllegalArgumentException e) {
                return ctxt.reportInputMismatch(RelationshipAggregate.class, "%s", e.getMessage());
            }
            DyadHistory history;
            if (node.has("history")) {
                history = ctxt.readTreeAsValue(node.get("history"), DyadHistory.class);
            } else {
                JsonNode state = node.get("state");
                if (state == null || !state.isObject() || !node.path("size").canConvertToInt() || !node.path("skipped").canConvertToInt()) {
                    return ctxt.reportInputMismatch(RelationshipAggregate.class,
                            "the snapshot of %s needs \"state\", \"size\" and \"skipped\" (revision 2) or \"history\" (revision 1)", dyad);
                }
                JsonNode last = node.get("last");
                try {
                    history = DyadHistory.partial(dyad, new DyadHistory.Summary(
                            ctxt.readTreeAsValue(state, org.entente.core.relationship.RelationshipState.class),
                            last == null || last.isNull() ? Optional.empty() : Optional.of(ctxt.readTreeAsValue(last, FactEvent.class)),
                            node.get("size").asInt(), node.get("skipped").asInt()));
                } catch (IllegalArgumentException e) {
                    return ctxt.reportInputMismatch(RelationshipAggregate.class, "the snapshot of %s: %s", dyad, e.getMessage());
                }
            }
            return RelationshipAggregate.restored(dyad.id(), sequence.asLong(), history);
        }
    }

    private static <T> void stringValue(SimpleModule module, Class<T> type, Function<T, String> write, Function<String, T> read) {
        module.addSerializer(type, new JsonSerializer<T>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(write.apply(value));
            }
        });
        module.addKeySerializer(type, new JsonSerializer<T>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeFieldName(write.apply(value));
            }
        });
        module.addDeserializer(type, new JsonDeserializer<T>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = p.getValueAsString();
                if (text == null) {
                    return ctxt.reportInputMismatch(type, "expected a string for %s", type.getSimpleName());
                }
                try {
                    return read.apply(text);
                } catch (IllegalArgumentException e) {
                    return ctxt.reportInputMismatch(type, "%s", e.getMessage());
                }
            }
        });
    }

    /**
     * An attaché's fact in the shape every Entente has stored: its service as one text
     * ({@link FactEvent.AttacheAppointed#serviceText()}), so that an {@code OTHER} service is written
     * back as the text it was read from, and stores keep one shape whichever version wrote them.
     */
    private static final class AttacheSerializer extends JsonSerializer<FactEvent.AttacheAppointed> {
        @Override
        public void serialize(FactEvent.AttacheAppointed value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject(value);
            fields(value, gen, provider);
            gen.writeEndObject();
        }

        @Override
        public void serializeWithType(FactEvent.AttacheAppointed value, JsonGenerator gen, SerializerProvider provider,
                                      TypeSerializer typeSer) throws IOException {
            WritableTypeId id = typeSer.writeTypePrefix(gen, typeSer.typeId(value, JsonToken.START_OBJECT));
            fields(value, gen, provider);
            typeSer.writeTypeSuffix(gen, id);
        }

        private static void fields(FactEvent.AttacheAppointed value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            provider.defaultSerializeField("fact", value.fact(), gen);
            if (value.name().isPresent()) {
                gen.writeStringField("name", value.name().get());
            }
            if (value.rank().isPresent()) {
                gen.writeStringField("rank", value.rank().get());
            }
            gen.writeStringField("service", value.serviceText());
        }
    }

    /**
     * Reads an attaché's stored service text into {@link AttacheService}: one of the four texts exactly
     * as written ({@code "naval"}) is that service; any other text ({@code "gendarmerie"}, {@code "Naval"})
     * is {@code OTHER} with the text kept in {@code otherService}, so nothing stored is lost and writing
     * the fact again gives back the same text. This is the upcasting of the service; it lives in the mapper
     * rather than in an Axon upcaster because the mapper also reads the facts nested in corrections and in
     * snapshots, which Axon's upcasters do not reach.
     */
    private static final class AttacheDeserializer extends JsonDeserializer<FactEvent.AttacheAppointed> {
        @Override
        public FactEvent.AttacheAppointed deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = ctxt.readTree(p);
            JsonNode header = node.get("fact");
            FactHeader fact = header == null || header.isNull() ? null : ctxt.readTreeAsValue(header, FactHeader.class);
            if (fact == null) {
                return ctxt.reportInputMismatch(FactEvent.AttacheAppointed.class, "an attaché's fact has no \"fact\"");
            }
            JsonNode service = node.get("service");
            if (service == null || !service.isTextual()) {
                return ctxt.reportInputMismatch(FactEvent.AttacheAppointed.class,
                        "fact %s: an attaché's \"service\" is missing or not text", fact.id());
            }
            String text = service.asText();
            Optional<AttacheService> known = AttacheService.known(text).filter(s -> s.text().equals(text));
            return new FactEvent.AttacheAppointed(fact, optionalText(node, "name"), optionalText(node, "rank"),
                    known.orElse(AttacheService.OTHER), known.isPresent() ? Optional.empty() : Optional.of(text));
        }

        @Override
        public Object deserializeWithType(JsonParser p, DeserializationContext ctxt, TypeDeserializer typeDeserializer) throws IOException {
            return typeDeserializer.deserializeTypedFromObject(p, ctxt);
        }

        private static Optional<String> optionalText(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
        }
    }

    /** A dyad's history as its dyad and its entries; the order and the fold are rebuilt on reading. */
    private static final class HistorySerializer extends JsonSerializer<DyadHistory> {
        @Override
        public void serialize(DyadHistory value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("dyad", value.dyad().id());
            gen.writeFieldName("entries");
            List<DyadHistory.Entry> entries = new ArrayList<>(value.entries());
            entries.sort((a, b) -> a.fact().fact().id().compareTo(b.fact().fact().id()));
            gen.writeStartArray();
            for (DyadHistory.Entry e : entries) {
                provider.defaultSerializeValue(e, gen);
            }
            gen.writeEndArray();
            // Revisions that corrections replaced (so that recording one again stays a no-op after a snapshot);
            // written only when there are some, so a history never corrected is stored as before.
            List<DyadHistory.Entry> corrected = entries.stream()
                    .filter(e -> !value.earlierRevisions(e.fact().fact().id()).isEmpty()).toList();
            if (!corrected.isEmpty()) {
                gen.writeFieldName("earlier");
                gen.writeStartObject();
                for (DyadHistory.Entry e : corrected) {
                    FactId id = e.fact().fact().id();
                    gen.writeFieldName(id.value());
                    gen.writeStartArray();
                    for (FactEvent revision : value.earlierRevisions(id)) {
                        provider.defaultSerializeValue(revision, gen);
                    }
                    gen.writeEndArray();
                }
                gen.writeEndObject();
            }
            gen.writeEndObject();
        }
    }

    private static final class HistoryDeserializer extends JsonDeserializer<DyadHistory> {
        @Override
        public DyadHistory deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = ctxt.readTree(p);
            Dyad dyad = Dyad.parse(node.path("dyad").asText());
            JavaType listType = ctxt.getTypeFactory().constructCollectionType(List.class, DyadHistory.Entry.class);
            List<DyadHistory.Entry> entries = ctxt.readTreeAsValue(node.path("entries"), listType);
            // Snapshots taken before revisions were kept have no "earlier": their facts read as never corrected.
            Map<FactId, List<FactEvent>> earlier = new LinkedHashMap<>();
            JsonNode stored = node.path("earlier");
            for (Iterator<Map.Entry<String, JsonNode>> it = stored.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                List<FactEvent> revisions = new ArrayList<>();
                for (JsonNode revision : e.getValue()) {
                    revisions.add(ctxt.readTreeAsValue(revision, FactEvent.class));
                }
                earlier.put(FactId.of(e.getKey()), revisions);
            }
            return DyadHistory.of(dyad, entries, earlier);
        }
    }
}
