/**
 * Seed files: the documented, versioned format in which facts are written by hand or exchanged
 * ({@code seeds/FORMAT.md}), its reader, and the seeds bundled with Entente; and scenario files, the
 * hypothetical facts and removals of a what-if branch, in the same format.
 *
 * <p>Public API: {@link org.entente.seeds.Seeds} (bundled seeds, reading with default limits),
 * {@link org.entente.seeds.SeedReader} and its builder (limits), and the results
 * {@link org.entente.seeds.Seed}, {@link org.entente.seeds.ScenarioFile} (and its
 * {@link org.entente.seeds.ScenarioFile.Removal}), {@link org.entente.seeds.SeedHeader}, {@link org.entente.seeds.SeedFact},
 * {@link org.entente.seeds.SeedOrganisation},
 * {@link org.entente.seeds.SeedLocation}, {@link org.entente.seeds.SeedProblem} and
 * {@link org.entente.seeds.SeedFormatException}. Everything else in the package is package-private.
 */
package org.entente.seeds;
