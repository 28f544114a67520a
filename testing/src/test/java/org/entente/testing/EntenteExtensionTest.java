package org.entente.testing;

import static org.entente.testing.EntenteAssertions.assertThat;
import static org.entente.testing.EntenteAssertions.assertThatThrownBy;
import static org.entente.testing.EntenteFixture.given;
import static org.entente.testing.Story.NER_TUR;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.entente.Entente;
import org.entente.When;
import org.entente.partnership.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The extension, tried on small test classes run through the JUnit Platform launcher, so that what
 * happens after each test (closing) can be checked from outside.
 */
class EntenteExtensionTest {

    /** What the cases saw, by name; cleared before each run. */
    static final Map<String, Entente> SEEN = new ConcurrentHashMap<>();
    /** Whether each case's fixture store was still open when the case looked, by name; cleared before each run. */
    static final Map<String, Boolean> OPEN_THEN = new ConcurrentHashMap<>();

    private static TestExecutionSummary run(Class<?> testClass) {
        SEEN.clear();
        OPEN_THEN.clear();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        return listener.getSummary();
    }

    private static List<String> failures(TestExecutionSummary summary) {
        List<String> out = new ArrayList<>();
        summary.getFailures().forEach(f -> out.add(f.getTestIdentifier().getDisplayName() + ": " + f.getException()));
        return out;
    }

    private static boolean isClosed(Entente entente) {
        try {
            entente.dryRun(List.of());
            return false;
        } catch (IllegalStateException e) {
            return e.getMessage().endsWith("is closed");
        }
    }

    private static Status turkeyAtTheEndOfApril(Entente entente) {
        return entente.partnership(NER_TUR, When.asOf(LocalDate.of(2024, 4, 30))).status();
    }

    @Test
    void aSeededClassGivesEachTestAFreshStoreWithTheSeedAndClosesItAfterwards() {
        TestExecutionSummary summary = run(SeededCase.class);
        assertThat(failures(summary)).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(3);
        assertThat(SEEN.get("first")).isNotSameAs(SEEN.get("second"));
        assertThat(SEEN.get("before first")).isSameAs(SEEN.get("first"));
        assertThat(SEEN.get("before second")).isSameAs(SEEN.get("second"));
        assertThat(SEEN.values()).allMatch(EntenteExtensionTest::isClosed);
    }

    @Test
    void aMethodsAnnotationOverridesTheClasssSeed() {
        TestExecutionSummary summary = run(SeededCase.class);
        assertThat(failures(summary)).isEmpty();
        assertThat(SEEN.get("before empty")).isSameAs(SEEN.get("empty")).isNotSameAs(SEEN.get("first"));
    }

    @Test
    void theExtensionAloneGivesAnEmptyStoreAndNestedClassesInheritTheSeed() {
        TestExecutionSummary summary = run(PlainCase.class);
        assertThat(failures(summary)).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        summary = run(NestedCase.class);
        assertThat(failures(summary)).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        assertThat(SEEN.values()).allMatch(EntenteExtensionTest::isClosed);
    }

    @Test
    void aBeforeAllParameterIsSharedByTheClassAndClosedAfterIt() {
        TestExecutionSummary summary = run(ClassWideCase.class);
        assertThat(failures(summary)).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(SEEN.get("one")).isSameAs(SEEN.get("all")).isSameAs(SEEN.get("two"));
        assertThat(isClosed(SEEN.get("all"))).isTrue();
    }

    @Test
    void anUnknownSeedFailsTheTestNamingTheBundledSeeds() {
        TestExecutionSummary summary = run(UnknownSeedCase.class);
        assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        assertThat(failures(summary)).singleElement().asString()
                .contains("@EntenteTest(seed = \"niger-1960\"): no seed named")
                .contains("niger-2024");
    }

    @Test
    void aFixtureStoreOpenedDuringATestIsClosedAfterTheTestAndNotBefore() {
        TestExecutionSummary summary = run(FixtureCase.class);
        assertThat(failures(summary)).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(SEEN).containsKeys("before each", "one-liner", "kept");
        assertThat(OPEN_THEN).containsEntry("before each, in the test", true)
                .containsEntry("one-liner, in after-each", true)
                .containsEntry("kept, in after-each", true);
        assertThat(SEEN.values()).allMatch(EntenteExtensionTest::isClosed);
    }

    @Test
    void aFixtureStoreOpenedInBeforeAllIsClosedAfterTheClass() {
        TestExecutionSummary summary = run(ClassWideFixtureCase.class);
        assertThat(failures(summary)).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(OPEN_THEN).containsEntry("one", true).containsEntry("two", true);
        assertThat(isClosed(SEEN.get("all"))).isTrue();
    }

    @Test
    void withoutTheExtensionAStageIsClosedByTryWithResources() {
        EntenteFixture.ThenStage kept;
        try (EntenteFixture.ThenStage then = given().seed("niger-2024").then()) {
            kept = then;
            then.partnership(NER_TUR, LocalDate.of(2024, 4, 30)).hasStatus(Status.STRENGTHENING);
            assertThat(isClosed(then.entente())).isFalse();
        }
        assertThat(isClosed(kept.entente())).isTrue();
        assertThatThrownBy(() -> kept.partnership(NER_TUR, LocalDate.of(2024, 4, 30)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("this fixture's store is closed");
        kept.close(); // a second close does nothing
    }

    // ------------------------------------------------------------------ the cases, run by the launcher only

    @EntenteTest(seed = "niger-2024")
    static class SeededCase {
        @BeforeEach
        void before(Entente entente, TestInfo test) {
            SEEN.put("before " + test.getTestMethod().orElseThrow().getName(), entente);
        }

        @Test
        void first(Entente entente) {
            SEEN.put("first", entente);
            assertThat(turkeyAtTheEndOfApril(entente)).isEqualTo(Status.STRENGTHENING);
        }

        @Test
        void second(Entente entente) {
            SEEN.put("second", entente);
            assertThat(turkeyAtTheEndOfApril(entente)).isEqualTo(Status.STRENGTHENING);
        }

        @Test
        @EntenteTest
        void empty(Entente entente) {
            SEEN.put("empty", entente);
            assertThat(turkeyAtTheEndOfApril(entente)).isEqualTo(Status.NONE);
        }

        @AfterEach
        void stillOpenAfterEach(Entente entente) {
            assertThat(isClosed(entente)).isFalse();
        }
    }

    @ExtendWith(EntenteExtension.class)
    static class PlainCase {
        @Test
        void empty(Entente entente) {
            SEEN.put("plain", entente);
            assertThat(turkeyAtTheEndOfApril(entente)).isEqualTo(Status.NONE);
        }
    }

    @EntenteTest(seed = "niger-2024")
    static class NestedCase {
        @Nested
        class Inner {
            @Test
            void seeded(Entente entente) {
                SEEN.put("nested", entente);
                assertThat(turkeyAtTheEndOfApril(entente)).isEqualTo(Status.STRENGTHENING);
            }
        }
    }

    @EntenteTest(seed = "niger-2024")
    static class ClassWideCase {
        @BeforeAll
        static void all(Entente entente) {
            SEEN.put("all", entente);
        }

        @Test
        void one(Entente entente) {
            SEEN.put("one", entente);
        }

        @Test
        void two(Entente entente) {
            SEEN.put("two", entente);
            assertThat(isClosed(entente)).isFalse();
        }
    }

    @ExtendWith(EntenteExtension.class)
    static class FixtureCase {
        EntenteFixture.ThenStage beforeEach;

        @BeforeEach
        void before() {
            beforeEach = given().seed("niger-2024").then();
            SEEN.put("before each", beforeEach.entente());
        }

        @Test
        void oneLiner() {
            OPEN_THEN.put("before each, in the test", !isClosed(beforeEach.entente()));
            EntenteFixture.ThenStage then = given().seed("niger-2024").then();
            then.partnership(NER_TUR, LocalDate.of(2024, 4, 30)).hasStatus(Status.STRENGTHENING);
            SEEN.put("one-liner", then.entente());
        }

        @Test
        void kept() {
            SEEN.put("kept", given().then().entente());
        }

        @AfterEach
        void after(TestInfo test) {
            String name = test.getTestMethod().orElseThrow().getName();
            Entente mine = SEEN.get(name.equals("oneLiner") ? "one-liner" : "kept");
            OPEN_THEN.put((name.equals("oneLiner") ? "one-liner" : "kept") + ", in after-each", !isClosed(mine));
        }
    }

    @EntenteTest
    static class ClassWideFixtureCase {
        static EntenteFixture.ThenStage all;

        @BeforeAll
        static void all() {
            all = given().seed("niger-2024").then();
            SEEN.put("all", all.entente());
        }

        @Test
        void one() {
            OPEN_THEN.put("one", !isClosed(all.entente()));
        }

        @Test
        void two() {
            OPEN_THEN.put("two", !isClosed(all.entente()));
        }
    }

    @EntenteTest(seed = "niger-1960")
    static class UnknownSeedCase {
        @Test
        void neverRuns(Entente entente) {
            SEEN.put("unknown", entente);
        }
    }
}
