package org.entente.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Registers {@link EntenteExtension}: a test method's parameter of type {@code Entente} gets a fresh
 * {@code Entente.inMemory()}, preloaded with the bundled seed named here if any, closed after the
 * test. On a class it applies to every test of the class (and of its {@code @Nested} classes); on a
 * method it overrides the class's seed.
 *
 * <pre>{@code
 * @EntenteTest(seed = "niger-2024")
 * class NigerTest {
 *     @Test
 *     void usForcesAreWindingDownAtTheEndOfApril(Entente entente) {
 *         assertThat(entente).partnership(Dyad.of(NER, USA), LocalDate.of(2024, 4, 30)).hasStatus(WINDING_DOWN);
 *     }
 *
 *     @Test
 *     @EntenteTest
 *     void startsEmptyWhenTheMethodSaysSo(Entente entente) { ... }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EntenteExtension.class)
public @interface EntenteTest {

    /**
     * The bundled seed to preload ({@code "niger-2024"}); empty (the default) for an empty store.
     *
     * @return the seed's name, or an empty string for none
     */
    String seed() default "";

    /**
     * More bundled seeds to preload after {@link #seed()}, in order ({@code {"niger-2024",
     * "sahel-2023-2025"}}); their {@code organisations:} are registered first.
     *
     * @return the seeds' names, empty (the default) for none
     */
    String[] seeds() default {};
}
