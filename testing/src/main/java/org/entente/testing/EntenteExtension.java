package org.entente.testing;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.entente.Entente;
import org.entente.seeds.Seeds;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A JUnit Jupiter extension that resolves parameters of type {@link Entente}: a fresh
 * {@link Entente#inMemory()}, preloaded with the bundled seed that the nearest {@link EntenteTest}
 * names (on the method, else on the class or an enclosing class), closed after the test.
 *
 * <p>Within one test, every {@code Entente} parameter (of {@code @BeforeEach}, the test and
 * {@code @AfterEach} methods) is the same instance. A {@code @BeforeAll} parameter gets one for the
 * whole class, closed after all its tests, and the class's tests then share it.
 *
 * <p>It also closes the stores that {@link EntenteFixture} opens: every {@link EntenteFixture.ThenStage}
 * opened on the test's thread during a test (its {@code @BeforeEach}, the test, its {@code @AfterEach})
 * is closed after the test, and one opened in {@code @BeforeAll} after the class.
 *
 * <pre>{@code
 * @ExtendWith(EntenteExtension.class)        // or @EntenteTest(seed = "niger-2024")
 * class MyTest {
 *     @Test
 *     void recordsAFact(Entente entente) {
 *         entente.record(fact);
 *     }
 * }
 * }</pre>
 */
public final class EntenteExtension implements ParameterResolver, BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EntenteExtension.class);
    /** The key of a context's {@link FixtureScope}. */
    private static final String FIXTURES = "fixtures";

    /** Used by JUnit. */
    public EntenteExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Entente.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        String seed = seedOf(context);
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(key(seed), k -> open(seed), Entente.class);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put(FIXTURES, FixtureScope.enter());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put(FIXTURES, FixtureScope.enter());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close(context);
    }

    /** Closes this context's own fixture stores and Entente (a class-wide one, from @BeforeAll, outlives each test). */
    private static void close(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        FixtureScope fixtures = store.remove(FIXTURES, FixtureScope.class);
        Entente entente = store.remove(key(seedOf(context)), Entente.class);
        try {
            if (fixtures != null) {
                fixtures.close();
            }
        } finally {
            if (entente != null) {
                entente.close();
            }
        }
    }

    /** An in-memory Entente holding the seeds named (comma-separated, as {@link #seedOf} gives them), in order. */
    private static Entente open(String seeds) {
        Entente entente = Entente.inMemory();
        if (seeds.isEmpty()) {
            return entente;
        }
        try {
            for (String name : seeds.split(",")) {
                org.entente.seeds.Seed seed = Seeds.bundled(name);
                seed.organisations().forEach(registered -> entente.registerOrganisation(registered.organisation()));
                entente.recordAll(seed.commands());
            }
            return entente;
        } catch (RuntimeException e) {
            entente.close();
            throw new ParameterResolutionException("@EntenteTest(seed = \"" + seeds + "\"): " + e.getMessage(), e);
        }
    }

    private static String key(String seed) {
        return "entente[" + seed + "]";
    }

    /** The seed of the nearest @EntenteTest: the method's, else the class's, else an enclosing class's. */
    static String seedOf(ExtensionContext context) {
        Optional<EntenteTest> onMethod = context.getTestMethod().flatMap(m -> find(m));
        if (onMethod.isPresent()) {
            return names(onMethod.get());
        }
        for (Class<?> c = context.getTestClass().orElse(null); c != null; c = c.getEnclosingClass()) {
            Optional<EntenteTest> onClass = find(c);
            if (onClass.isPresent()) {
                return names(onClass.get());
            }
        }
        return "";
    }

    /** The annotation's seed and seeds, comma-separated (seed names hold no comma). */
    private static String names(EntenteTest test) {
        java.util.List<String> names = new java.util.ArrayList<>();
        if (!test.seed().isEmpty()) {
            names.add(test.seed());
        }
        names.addAll(java.util.Arrays.asList(test.seeds()));
        return String.join(",", names);
    }

    private static Optional<EntenteTest> find(AnnotatedElement element) {
        return AnnotationSupport.findAnnotation(element, EntenteTest.class);
    }
}
