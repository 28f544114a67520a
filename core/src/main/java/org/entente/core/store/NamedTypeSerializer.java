package org.entente.core.store;

import java.util.Set;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.entente.core.EntenteException;

/**
 * A Jackson serializer that stores the registry's short names and revisions instead of Java class
 * names, and refuses to resolve any name that the {@link EventTypeRegistry} does not list (apart from
 * Axon's own {@link MetaData} and the empty type).
 */
final class NamedTypeSerializer implements Serializer {

    private static final Set<String> FRAMEWORK_TYPES = Set.of(MetaData.class.getName(), SerializedType.emptyType().getName());

    private final JacksonSerializer delegate;
    private final EventTypeRegistry registry;
    private final java.util.concurrent.ConcurrentHashMap<Class<?>, com.fasterxml.jackson.databind.ObjectReader> readers =
            new java.util.concurrent.ConcurrentHashMap<>();

    NamedTypeSerializer(JacksonSerializer delegate, EventTypeRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        SerializedObject<T> serialized = delegate.serialize(object, expectedRepresentation);
        if (object == null) {
            return serialized;
        }
        return new SimpleSerializedObject<>(serialized.getData(), serialized.getContentType(), typeForClass(object.getClass()));
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        SerializedType type = serializedObject.getType();
        if (FRAMEWORK_TYPES.contains(type.getName())) {
            return delegate.deserialize(serializedObject);
        }
        EventTypeRegistry.Entry entry = entry(type);
        SimpleSerializedObject<S> javaTyped = new SimpleSerializedObject<>(serializedObject.getData(),
                serializedObject.getContentType(), new SimpleSerializedType(entry.type().getName(), type.getRevision()));
        return delegate.deserialize(javaTyped);
    }

    /** The registry's entry for a stored type, refusing unknown names and other revisions. */
    private EventTypeRegistry.Entry entry(SerializedType type) {
        EventTypeRegistry.Entry entry = registry.byName(type.getName()).orElseThrow(() -> unknown(type));
        if (!entry.revision().equals(type.getRevision())) {
            throw new EntenteException("stored type " + type.getName() + " has revision " + type.getRevision()
                    + ", but this version of Entente reads revision " + entry.revision()
                    + "; register an upcaster from revision " + type.getRevision());
        }
        return entry;
    }

    /**
     * As {@link #deserialize} for a stored event's JSON bytes, with the same checks and the same
     * mapper, but a reader kept per type: Axon's serializer looks the class up by name through the
     * class loader and makes a reader for every event, which a scan of the whole store pays for each.
     */
    Object deserializeEvent(byte[] data, String typeName, String revision) {
        SerializedType type = new SimpleSerializedType(typeName, revision);
        if (FRAMEWORK_TYPES.contains(typeName)) {
            return deserialize(new SimpleSerializedObject<>(data, byte[].class, type));
        }
        Class<?> target = entry(type).type();
        try {
            return readers.computeIfAbsent(target, t -> delegate.getObjectMapper().readerFor(t)).readValue(data);
        } catch (java.io.IOException e) {
            throw new org.axonframework.serialization.SerializationException("Error while deserializing object", e);
        }
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        if (FRAMEWORK_TYPES.contains(type.getName())) {
            return delegate.classForType(type);
        }
        // Axon would hand back UnknownSerializedType and handlers would silently skip the event; a history
        // with a fact nobody can read is refused instead.
        return registry.byName(type.getName()).<Class>map(EventTypeRegistry.Entry::type).orElseThrow(() -> unknown(type));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        if (type == null || FRAMEWORK_TYPES.contains(type.getName()) || MetaData.class.isAssignableFrom(type)) {
            return delegate.typeForClass(type);
        }
        EventTypeRegistry.Entry entry = registry.byClass(type).orElseThrow(() -> new EntenteException(
                type.getName() + " is not in the event type registry; only registered types are stored (registered: "
                        + registry.entries().keySet() + ")"));
        return new SimpleSerializedType(entry.name(), entry.revision());
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }

    private EntenteException unknown(SerializedType type) {
        String name = type.getName().length() > 100 ? type.getName().substring(0, 100) + "..." : type.getName();
        return new EntenteException("stored type '" + name + "' is not in the event type registry; refusing to read it"
                + " (registered: " + registry.entries().keySet() + ")");
    }
}
