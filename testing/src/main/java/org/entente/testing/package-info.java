/**
 * Entente's test kit, used from tests (test scope, like {@code axon-test}):
 * <ul>
 *   <li>{@link org.entente.testing.EntenteTest @EntenteTest} and {@link org.entente.testing.EntenteExtension}: a
 *       test method's {@code Entente} parameter gets a fresh in-memory store, preloaded with a bundled seed,
 *       closed after the test;</li>
 *   <li>{@link org.entente.testing.EntenteFixture}: scenario tests in Axon's given/when/then shape;</li>
 *   <li>{@link org.entente.testing.EntenteAssertions}: AssertJ assertions for partnerships, portfolios,
 *       simulations and comparisons, from one static entry point;</li>
 *   <li>the facts themselves are said with core's fluent API, {@link org.entente.core.relationship.Fact}
 *       (no factory of the test's own is needed): {@code Fact.id("usa-complete").on(2024, 8, 5).by(USA)
 *       .towards(NER).source(article).completeWithdrawal().command()} is a {@code FactCommand} for
 *       {@link org.entente.testing.EntenteFixture#facts(org.entente.core.relationship.FactCommand...)}.</li>
 * </ul>
 *
 * <pre>{@code
 * @EntenteTest(seed = "niger-2024")
 * class NigerTest {
 *     @Test
 *     void nigerIsDiversifying(Entente entente) {
 *         assertThat(entente).portfolio(NER, LocalDate.of(2024, 4, 30)).hasDiversification(0.72, within(0.005));
 *     }
 *
 *     @Test
 *     void ifTheUsHadStayed() {
 *         given().seed("niger-2024")
 *                 .whenBranch(Scenario.branchAt(LocalDate.of(2024, 3, 15)).remove(FactId.of("usa-denounce"),
 *                         FactId.of("usa-schedule"), FactId.of("usa-deadline")))
 *                 .then()
 *                 .dropped("usa-complete")
 *                 .partnership(Dyad.of(NER, USA), LocalDate.of(2024, 10, 1)).hasStatus(ACTIVE);
 *     }
 * }
 * }</pre>
 */
package org.entente.testing;
