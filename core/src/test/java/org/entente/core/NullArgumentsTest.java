package org.entente.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every public factory, constructor and method of the value types, given null in each reference parameter, throws
 * a NullPointerException whose message says what is null and what to give ("country code is null; give ...").
 * Found by reflection, so that a method added later is held to it too.
 */
class NullArgumentsTest {

    /** Methods whose contract for null is another: predicates answer false, equals and compareTo follow Object and Comparable. */
    private static final Set<String> EXEMPT = Set.of("equals", "compareTo", "isValid");

    private static final Map<Class<?>, Object> SAMPLES = Map.of(
            String.class, "NER",
            Country.class, Country.of("NER"),
            Actor.class, Organisation.of("ECOWAS"),
            LocalDate.class, LocalDate.of(2024, 4, 26),
            Precision.class, Precision.DAY,
            Source.Kind.class, Source.Kind.ARTICLE,
            Source.Confidence.class, Source.Confidence.REPORTED,
            Optional.class, Optional.empty());

    private static final Map<Class<?>, Object> INSTANCES = Map.of(
            Country.class, Country.of("NER"),
            Organisation.class, Organisation.of("ECOWAS"),
            Actor.class, Country.of("NER"),
            Dyad.class, Dyad.of(Country.of("NER"), Country.of("USA")),
            Source.class, Source.background(),
            FactId.class, FactId.of("usa-talks"),
            CameoCode.class, CameoCode.of("040"),
            HappenedOn.class, HappenedOn.day(2024, 4, 26));

    @Test
    void everyNullArgumentOfTheValueTypesIsNamedWithWhatToGive() throws Exception {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Class<?> type : INSTANCES.keySet()) {
            List<Executable> executables = new ArrayList<>(List.of(type.getConstructors()));
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge() && !EXEMPT.contains(m.getName())) {
                    executables.add(m);
                }
            }
            for (Executable e : executables) {
                checked += NullArgumentProbe.probe(e, INSTANCES.get(type), NullArgumentsTest::samples, failures);
            }
        }
        assertThat(checked).as("parameters checked").isGreaterThan(20);
        assertThat(failures).isEmpty();
    }

    @Test
    void theMessagesTheReviewerFoundNowSayWhatToGive() {
        assertThat(npe(() -> Country.of(null))).isEqualTo("country code is null; give an ISO 3166 alpha-3 code such as Country.of(\"NER\")");
        assertThat(npe(() -> Actor.of(null))).startsWith("actor code is null; give ");
        assertThat(npe(() -> CameoCode.of(null))).startsWith("CAMEO code is null; give ");
        assertThat(npe(() -> Dyad.of(null, Country.of("USA")))).startsWith("first actor of the dyad is null; give Dyad.of(");
        assertThat(npe(() -> Source.of(null, null))).startsWith("source kind is null; give a Source.Kind");
        assertThat(npe(() -> Source.background().withPublisher(null))).startsWith("publisher is null; give ");
        assertThat(npe(() -> Source.background().withPublished(null))).startsWith("publication date is null; give a LocalDate");
        assertThat(npe(() -> org.entente.core.relationship.AttacheService.of(null)))
                .isEqualTo("attaché's service is null; give one of defence, army, naval, air");
        assertThat(npe(() -> org.entente.core.relationship.FactKind.fromSlug(null)))
                .isEqualTo("kind of fact is null; give a slug such as \"schedule-withdrawal\"");
    }

    private static String npe(Runnable call) {
        try {
            call.run();
        } catch (NullPointerException e) {
            return e.getMessage();
        }
        return fail("no NullPointerException");
    }

    private static Object[] samples(Executable e) {
        Class<?>[] params = e.getParameterTypes();
        Object[] args = new Object[params.length];
        for (int j = 0; j < params.length; j++) {
            Object sample = SAMPLES.get(params[j]);
            if (sample == null && !params[j].isPrimitive()) {
                throw new AssertionError("no sample of " + params[j].getName() + " for " + e + "; add one to SAMPLES");
            }
            args[j] = sample;
        }
        return args;
    }
}
