package org.entente.benchmarks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;
import org.entente.core.Source;

/**
 * A prototype, for the memory figures only: a Jackson module that hands out one instance per equal
 * string, day and source while reading, as a canonicalizing {@code EntenteJackson} would. Its tables
 * live as long as the module; drop the mapper after reading before weighing the heap.
 */
final class Canonical {

    private Canonical() {
    }

    static SimpleModule module() {
        ConcurrentHashMap<Object, Object> table = new ConcurrentHashMap<>();
        SimpleModule m = new SimpleModule("canonical");
        m.addDeserializer(String.class, new StdDeserializer<>(String.class) {
            @Override
            public String deserialize(JsonParser p, DeserializationContext c) throws IOException {
                return intern(table, StringDeserializer.instance.deserialize(p, c));
            }
        });
        m.addDeserializer(LocalDate.class, new StdDeserializer<>(LocalDate.class) {
            @Override
            public LocalDate deserialize(JsonParser p, DeserializationContext c) throws IOException {
                return intern(table, LocalDateDeserializer.INSTANCE.deserialize(p, c));
            }
        });
        m.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription bean, JsonDeserializer<?> d) {
                return bean.getBeanClass() == Source.class ? new Interning(d, table) : d;
            }
        });
        return m;
    }

    @SuppressWarnings("unchecked")
    private static <T> T intern(ConcurrentHashMap<Object, Object> table, T value) {
        if (value == null) {
            return null;
        }
        Object known = table.putIfAbsent(value, value);
        return known == null ? value : (T) known;
    }

    /** Wraps a bean deserializer, returning the first equal instance read. */
    private static final class Interning extends StdDeserializer<Object> implements ContextualDeserializer, ResolvableDeserializer {
        private final JsonDeserializer<?> delegate;
        private final ConcurrentHashMap<Object, Object> table;

        Interning(JsonDeserializer<?> delegate, ConcurrentHashMap<Object, Object> table) {
            super(Object.class);
            this.delegate = delegate;
            this.table = table;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext c) throws IOException {
            return intern(table, delegate.deserialize(p, c));
        }

        @Override
        public void resolve(DeserializationContext c) throws com.fasterxml.jackson.databind.JsonMappingException {
            if (delegate instanceof ResolvableDeserializer r) {
                r.resolve(c);
            }
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext c, com.fasterxml.jackson.databind.BeanProperty property)
                throws com.fasterxml.jackson.databind.JsonMappingException {
            JsonDeserializer<?> d = delegate instanceof ContextualDeserializer cd ? cd.createContextual(c, property) : delegate;
            return d == delegate ? this : new Interning(d, table);
        }
    }
}
