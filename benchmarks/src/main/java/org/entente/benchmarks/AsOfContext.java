package org.entente.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.Actor;
import org.entente.core.Dyad;

/**
 * What {@link AsOfBenchmarks} reads: the open Entente, the naive reader on the same database, and
 * seeded draws of (dyad, country, date) for each mix. JMH runs in the harness's JVM, so the harness
 * hands this over through a static field.
 */
final class AsOfContext {

    /** Draws per mix; a power of two. */
    static final int DRAWS = 4096;

    private static volatile AsOfContext current;

    /**
     * The queries of one mix, index by index.
     *
     * @param dyads     the dyad of each partnership query
     * @param countries the country of each portfolio query
     * @param whens     the date of each query
     */
    record Draws(Dyad[] dyads, Actor[] countries, When[] whens) {
    }

    private final Entente entente;
    private final NaiveReader naive;
    private final Map<String, Draws> draws = new HashMap<>();
    private final Map<Actor, List<Dyad>> dyadsOf = new HashMap<>();

    AsOfContext(Entente entente, NaiveReader naive, Map<Dyad, Integer> factsPerDyad, long seed) {
        this.entente = entente;
        this.naive = naive;
        Map<Actor, Integer> factsPerCountry = new HashMap<>();
        factsPerDyad.forEach((d, n) -> {
            dyadsOf.computeIfAbsent(d.first(), c -> new ArrayList<>()).add(d);
            dyadsOf.computeIfAbsent(d.second(), c -> new ArrayList<>()).add(d);
            factsPerCountry.merge(d.first(), n, Integer::sum);
            factsPerCountry.merge(d.second(), n, Integer::sum);
        });
        List<Dyad> dyads = new ArrayList<>(factsPerDyad.keySet());
        dyads.sort(null);
        List<Actor> countries = new ArrayList<>(factsPerCountry.keySet());
        countries.sort(null);
        draws.put("uniform", draw(new Random(seed), dyads, d -> 1, countries, c -> 1));
        draws.put("weighted", draw(new Random(seed + 1), dyads, factsPerDyad::get, countries, factsPerCountry::get));
    }

    /**
     * Asks every draw of every mix once (partnership and portfolio), untimed, so that JMH then measures
     * answers from the projection cache, as its figures always did (before the cache, opening a store
     * loaded every dyad). A JMH warm-up of one second did not reach every drawn dyad at 100k facts, so
     * the first reads of dyads from the store fell into the measured iterations and made the uniform
     * mix's p99 (256 µs against 24 µs at 10k). Reads of dyads not cached are measured apart, by
     * {@link Targets} ({@code asof_cold_p99_ms}). Where the drawn dyads do not fit the cache's budget,
     * the figures include the misses they cause, as an application's would.
     *
     * @return the partnership and portfolio queries asked
     */
    int askEveryDrawOnce() {
        int asked = 0;
        for (Draws d : draws.values()) {
            for (int i = 0; i < DRAWS; i++) {
                entente.partnership(d.dyads()[i], d.whens()[i]);
                entente.portfolio(d.countries()[i], d.whens()[i]);
                asked += 2;
            }
        }
        return asked;
    }

    static void install(AsOfContext context) {
        current = context;
    }

    static AsOfContext current() {
        return Objects.requireNonNull(current, "no as-of context installed: AsOfBenchmarks runs inside the harness");
    }

    Entente entente() {
        return entente;
    }

    NaiveReader naive() {
        return naive;
    }

    Draws draws(String mix) {
        return Objects.requireNonNull(draws.get(mix), () -> "no mix " + mix);
    }

    List<Dyad> dyadsOf(Actor country) {
        return dyadsOf.getOrDefault(country, List.of());
    }

    private static <T> T[] weighted(Random random, List<T> items, java.util.function.ToIntFunction<T> weight, T[] out) {
        double[] cumulative = new double[items.size()];
        double total = 0;
        for (int i = 0; i < cumulative.length; i++) {
            total += weight.applyAsInt(items.get(i));
            cumulative[i] = total;
        }
        for (int i = 0; i < out.length; i++) {
            int k = java.util.Arrays.binarySearch(cumulative, random.nextDouble() * total);
            out[i] = items.get(Math.min(items.size() - 1, k >= 0 ? k + 1 : -k - 1));
        }
        return out;
    }

    private static Draws draw(Random random, List<Dyad> dyads, java.util.function.ToIntFunction<Dyad> dyadWeight,
                              List<Actor> countries, java.util.function.ToIntFunction<Actor> countryWeight) {
        Dyad[] d = weighted(random, dyads, dyadWeight, new Dyad[DRAWS]);
        Actor[] c = weighted(random, countries, countryWeight, new Actor[DRAWS]);
        When[] w = new When[DRAWS];
        long first = Generator.FIRST_DAY.toEpochDay();
        long span = Generator.LAST_DAY.toEpochDay() - first + 1;
        for (int i = 0; i < DRAWS; i++) {
            w[i] = When.asOf(LocalDate.ofEpochDay(first + (long) (random.nextDouble() * span)));
        }
        return new Draws(d, c, w);
    }
}
