package org.entente.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.entente.core.CameoCode;
import org.entente.core.Actor;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.entente.core.Precision;
import org.entente.core.Source;
import org.entente.core.relationship.AgreementKind;
import org.entente.core.relationship.AttacheService;
import org.entente.core.relationship.CooperationDomain;
import org.entente.core.relationship.EnvoyRole;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactHeader;
import org.entente.core.relationship.FactKind;
import org.entente.core.relationship.MissionLevel;
import org.entente.core.relationship.RelationshipCommand;

/**
 * A deterministic, synthetic but plausible history: about 200 countries, dyads whose sizes follow a
 * Zipf-Mandelbrot law ({@code 1/(rank + 8)^1}: at 1M facts six dyads hold 10^4+ facts, the largest
 * about 16,000, and the median dyad about 36), every kind of fact, each valid under the rules.
 *
 * <p>Each dyad is generated as one coherent story by a small model of its state that mirrors the
 * rules (relations, envoys in post, agreements, forces, sanctions): a follow-up fact is only drawn
 * when what it names exists (a denunciation names a signing in force or suspended, a completed
 * withdrawal names present forces whose withdrawal was scheduled, and so on). Facts of one dyad are
 * generated in the rules' order (day, rank, id), so the model sees them as the rules will.
 *
 * <p>Recording order is the news feed: facts by happened day, across dyads, except
 * {@value #OUT_OF_ORDER_PERCENT}% of them (talks, interactions and pledges, which no rule depends on)
 * recorded late, after later facts of their dyad; and {@value #RETRACTED_PERCENT}% of the commands
 * retract such a fact some time after it was recorded.
 */
final class Generator {

    static final double DYAD_EXPONENT = 1.0;
    /** The Zipf-Mandelbrot offset: flattens the head so that "a few" dyads (6 at 1M), not one, hold 10^4+ facts. */
    static final double DYAD_OFFSET = 8;
    static final int OUT_OF_ORDER_PERCENT = 5;
    static final int RETRACTED_PERCENT = 1;
    static final LocalDate FIRST_DAY = LocalDate.of(1990, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);

    private static final String[] CAMEO = {"010", "013", "019", "020", "022", "030", "031", "036", "040", "042", "043", "046",
        "050", "051", "057", "061", "064", "071", "073", "080", "100", "111", "112", "120", "128", "130", "138", "160", "163",
        "172", "173", "190", "191"};
    private static final String[] PUBLISHERS = {"Reuters", "AFP", "AP", "Xinhua", "TASS", "Anadolu", "BBC Monitoring",
        "Jeune Afrique", "Al Jazeera", "The Hindu", "Le Monde", "Kyodo"};
    private static final String[] SUBJECTS = {"military cooperation", "border security", "trade", "counter-terrorism",
        "a state visit", "energy", "migration", "arms purchases", "a ceasefire", "debt relief"};
    private static final String[] LOCATIONS = {"the capital", "the north", "the coast", "the border region", "the south"};
    private static final String[] RANKS = {"Colonel", "Brigadier", "Captain", "Commander", "Lieutenant Colonel"};
    private static final AttacheService[] SERVICES = {AttacheService.DEFENCE, AttacheService.ARMY, AttacheService.NAVAL, AttacheService.AIR};

    static {
        for (String code : CAMEO) {
            if (!CameoCode.isValid(code)) {
                throw new IllegalStateException("the generator's CAMEO code " + code + " is not in the table");
            }
        }
    }

    /**
     * A generated history.
     *
     * @param seed          the seed it was generated from
     * @param commands      every command in recording order (facts and retractions)
     * @param dyadOf        the dyad of every fact id
     * @param factsPerDyad  facts per dyad (retracted ones included), largest first
     * @param facts         how many fact commands
     * @param retractions   how many retraction commands
     * @param outOfOrder    how many facts are recorded after a later fact of their dyad
     * @param kinds         how many facts of each kind
     */
    record Dataset(long seed, List<RelationshipCommand> commands, Map<FactId, Dyad> dyadOf, LinkedHashMap<Dyad, Integer> factsPerDyad,
                   int facts, int retractions, int outOfOrder, Map<FactKind, Integer> kinds) {

        int size() {
            return commands.size();
        }

        Dyad longest() {
            return factsPerDyad.keySet().iterator().next();
        }

        List<Dyad> dyads() {
            return new ArrayList<>(factsPerDyad.keySet());
        }
    }

    private Generator() {
    }

    /** A history of {@code size} commands (about 99% facts, 1% retractions). */
    static Dataset generate(int size, long seed) {
        return generate(size, seed, Set.of(), "");
    }

    /**
     * A history of {@code size} commands on dyads outside {@code exclude}, its fact ids prefixed with
     * {@code tag}: facts that can be appended to a store holding another generated history (the
     * {@code --scale} tier's appends), valid under the rules because their dyads are new there.
     */
    static Dataset generate(int size, long seed, Set<Dyad> exclude, String tag) {
        if (size < 100) {
            throw new IllegalArgumentException("a dataset needs at least 100 commands, got " + size);
        }
        Random random = new Random(seed);
        int retractions = size * RETRACTED_PERCENT / 100;
        int facts = size - retractions;
        List<Dyad> dyads = pickDyads(random, dyadCount(facts), exclude);
        int[] counts = zipfCounts(facts, dyads.size());

        List<Item> items = new ArrayList<>(size);
        List<Item> safe = new ArrayList<>();
        Map<FactId, Dyad> dyadOf = new java.util.HashMap<>(facts * 2);
        Map<FactKind, Integer> kinds = new java.util.EnumMap<>(FactKind.class);
        LinkedHashMap<Dyad, Integer> perDyad = new LinkedHashMap<>();
        long serial = 0;
        for (int d = 0; d < dyads.size(); d++) {
            Dyad dyad = dyads.get(d);
            perDyad.put(dyad, counts[d]);
            List<FactCommand> story = new Story(dyad, new Random(random.nextLong()), tag).generate(counts[d]);
            for (int i = 0; i < story.size(); i++) {
                FactCommand c = story.get(i);
                Item item = new Item(c, c.fact().happened().day().toEpochDay(), serial++, dyad, i == story.size() - 1 ? null : story.get(i + 1));
                items.add(item);
                dyadOf.put(c.fact().id(), dyad);
                kinds.merge(c.kind(), 1, Integer::sum);
                if (isSafe(c.kind()) && i < story.size() - 1) {
                    safe.add(item);
                }
            }
        }
        // Late facts: recorded after the next fact of their dyad, and some time after they happened.
        Collections.shuffle(safe, random);
        int late = Math.min(safe.size(), facts * OUT_OF_ORDER_PERCENT / 100);
        for (int i = 0; i < late; i++) {
            Item item = safe.get(i);
            long next = item.next.fact().happened().day().toEpochDay();
            item.key = Math.max(item.key + 30 + random.nextInt(700), next + 1);
        }
        // Retractions of other talks, interactions and pledges, some time after they were recorded.
        int retracted = 0;
        for (int i = late; i < safe.size() && retracted < retractions; i++) {
            Item target = safe.get(i);
            RelationshipCommand retract = new RelationshipCommand.RetractFacts(List.of(((FactCommand) target.command).fact().id()),
                    "reported in error by " + PUBLISHERS[random.nextInt(PUBLISHERS.length)]);
            items.add(new Item(retract, target.key + 1 + random.nextInt(400), serial++, target.dyad, null));
            retracted++;
        }
        if (retracted < retractions) {
            throw new IllegalStateException("only " + retracted + " facts can be retracted safely, " + retractions + " wanted");
        }
        items.sort((a, b) -> a.key != b.key ? Long.compare(a.key, b.key) : Long.compare(a.serial, b.serial));
        List<RelationshipCommand> commands = new ArrayList<>(items.size());
        for (Item item : items) {
            commands.add(item.command);
        }
        LinkedHashMap<Dyad, Integer> sorted = new LinkedHashMap<>();
        perDyad.entrySet().stream()
                .sorted((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey()) : b.getValue() - a.getValue())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return new Dataset(seed, List.copyOf(commands), dyadOf, sorted, facts, retractions, countOutOfOrder(commands), kinds);
    }

    /**
     * The shape of a history generated one dyad at a time.
     *
     * @param factsPerDyad facts per dyad (retracted ones included), largest first
     * @param commands     how many commands were handed out
     * @param facts        how many of them are facts
     */
    record Shape(LinkedHashMap<Dyad, Integer> factsPerDyad, long commands, long facts) {

        Dyad longest() {
            return factsPerDyad.keySet().iterator().next();
        }
    }

    /**
     * The same law as {@link #generate} for stores too large to hold in memory: the history is handed
     * to {@code sink} one dyad at a time, each dyad's commands in its own recording order (late facts
     * and retractions drawn within the dyad, in the same proportions). The dyads follow one another,
     * so the global recording order differs from {@link #generate}'s news feed; every dyad's history
     * is as valid and as shaped.
     */
    static Shape forEachDyad(long size, long seed, java.util.function.BiConsumer<Dyad, List<RelationshipCommand>> sink) {
        if (size < 100 || size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a streamed history needs 100 to " + Integer.MAX_VALUE + " commands, got " + size);
        }
        Random random = new Random(seed);
        int facts = (int) (size - size * RETRACTED_PERCENT / 100);
        List<Dyad> dyads = pickDyads(random, dyadCount(facts), Set.of());
        int[] counts = zipfCounts(facts, dyads.size());
        LinkedHashMap<Dyad, Integer> perDyad = new LinkedHashMap<>();
        long commands = 0;
        for (int d = 0; d < dyads.size(); d++) {
            Dyad dyad = dyads.get(d);
            Random r = new Random(random.nextLong());
            List<FactCommand> story = new Story(dyad, new Random(r.nextLong()), "").generate(counts[d]);
            List<Item> items = new ArrayList<>(story.size() + story.size() / 50 + 1);
            List<Item> safe = new ArrayList<>();
            for (int i = 0; i < story.size(); i++) {
                FactCommand c = story.get(i);
                Item item = new Item(c, c.fact().happened().day().toEpochDay(), i, dyad, i == story.size() - 1 ? null : story.get(i + 1));
                items.add(item);
                if (isSafe(c.kind()) && i < story.size() - 1) {
                    safe.add(item);
                }
            }
            Collections.shuffle(safe, r);
            int late = Math.min(safe.size(), counts[d] * OUT_OF_ORDER_PERCENT / 100);
            for (int i = 0; i < late; i++) {
                Item item = safe.get(i);
                item.key = Math.max(item.key + 30 + r.nextInt(700), item.next.fact().happened().day().toEpochDay() + 1);
            }
            int wanted = (int) Math.round(counts[d] * (double) RETRACTED_PERCENT / (100 - RETRACTED_PERCENT));
            long serial = story.size();
            for (int i = late; i < safe.size() && i - late < wanted; i++) {
                Item target = safe.get(i);
                RelationshipCommand retract = new RelationshipCommand.RetractFacts(List.of(((FactCommand) target.command).fact().id()),
                        "reported in error by " + PUBLISHERS[r.nextInt(PUBLISHERS.length)]);
                items.add(new Item(retract, target.key + 1 + r.nextInt(400), serial++, dyad, null));
            }
            items.sort((a, b) -> a.key != b.key ? Long.compare(a.key, b.key) : Long.compare(a.serial, b.serial));
            List<RelationshipCommand> out = new ArrayList<>(items.size());
            for (Item item : items) {
                out.add(item.command);
            }
            perDyad.put(dyad, counts[d]);
            commands += out.size();
            sink.accept(dyad, out);
        }
        LinkedHashMap<Dyad, Integer> sorted = new LinkedHashMap<>();
        perDyad.entrySet().stream()
                .sorted((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey()) : b.getValue() - a.getValue())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return new Shape(sorted, commands, facts);
    }

    /**
     * The facts of one dyad's story, {@code n} of them in the rules' order, ids prefixed with {@code tag}:
     * the long dyad the commands figure is measured on.
     */
    static List<FactCommand> story(Dyad dyad, int n, long seed, String tag) {
        return new Story(dyad, new Random(seed), tag).generate(n);
    }

    /** Thousands of dyads for large sizes, fewer for small ones (at least a few facts each on average). */
    static int dyadCount(int facts) {
        return Math.max(20, Math.min(8000, facts / 25));
    }

    private static boolean isSafe(FactKind kind) {
        return kind == FactKind.HOLD_TALKS || kind == FactKind.RECORD_INTERACTION || kind == FactKind.PLEDGE_COOPERATION;
    }

    /** Facts recorded when a later fact (in the rules' order) of their dyad was recorded already. */
    private static int countOutOfOrder(List<RelationshipCommand> commands) {
        Map<Dyad, FactCommand> last = new java.util.HashMap<>();
        int n = 0;
        for (RelationshipCommand c : commands) {
            if (c instanceof FactCommand f) {
                FactCommand previous = last.get(f.fact().dyad());
                if (previous != null && org.entente.core.relationship.DyadHistory.ORDER.compare(f.toEvent(), previous.toEvent()) < 0) {
                    n++;
                } else {
                    last.put(f.fact().dyad(), f);
                }
            }
        }
        return n;
    }

    private static final class Item {
        final RelationshipCommand command;
        long key;
        final long serial;
        final Dyad dyad;
        final FactCommand next;

        Item(RelationshipCommand command, long key, long serial, Dyad dyad, FactCommand next) {
            this.command = command;
            this.key = key;
            this.serial = serial;
            this.dyad = dyad;
            this.next = next;
        }
    }

    /** Distinct pairs of countries; countries are themselves Zipf-weighted (a few hubs, many small players). */
    private static List<Dyad> pickDyads(Random random, int count, Set<Dyad> exclude) {
        List<Actor> countries = new ArrayList<>(Country.all());
        Collections.shuffle(countries, random);
        countries = countries.subList(0, Math.min(200, countries.size()));
        double[] cumulative = new double[countries.size()];
        double total = 0;
        for (int i = 0; i < cumulative.length; i++) {
            total += 1 / Math.pow(i + 1, 0.6);
            cumulative[i] = total;
        }
        int possible = countries.size() * (countries.size() - 1) / 2 - exclude.size();
        if (count > possible) {
            throw new IllegalArgumentException(count + " dyads wanted, only " + possible + " possible");
        }
        Set<Dyad> seen = new HashSet<>(exclude);
        List<Dyad> out = new ArrayList<>(count);
        while (out.size() < count) {
            Actor a = countries.get(pick(cumulative, random.nextDouble() * total));
            Actor b = countries.get(pick(cumulative, random.nextDouble() * total));
            if (a.equals(b)) {
                continue;
            }
            Dyad d = Dyad.of(a, b);
            if (seen.add(d)) {
                out.add(d);
            }
        }
        return out;
    }

    private static int pick(double[] cumulative, double x) {
        int i = Arrays.binarySearch(cumulative, x);
        return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
    }

    /** Facts per dyad rank, proportional to 1/(rank + offset)^s, at least 1 each, summing to {@code facts}. */
    static int[] zipfCounts(int facts, int dyads) {
        double[] w = new double[dyads];
        double total = 0;
        for (int i = 0; i < dyads; i++) {
            w[i] = 1 / Math.pow(i + 1 + DYAD_OFFSET, DYAD_EXPONENT);
            total += w[i];
        }
        int[] counts = new int[dyads];
        int assigned = 0;
        for (int i = 0; i < dyads; i++) {
            counts[i] = Math.max(1, (int) Math.floor(facts * w[i] / total));
            assigned += counts[i];
        }
        for (int i = 0; assigned < facts; i = (i + 1) % dyads) {
            counts[i]++;
            assigned++;
        }
        for (int i = dyads - 1; assigned > facts; i = i == 0 ? dyads - 1 : i - 1) {
            if (counts[i] > 1) {
                counts[i]--;
                assigned--;
            }
        }
        return counts;
    }

    /** One dyad's story, generated by a model of its state that mirrors the rules. */
    private static final class Story {
        private enum Rel { PRESUMED, ESTABLISHED, DOWNGRADED, SEVERED }

        private record Envoy(String id, Actor sender, EnvoyRole role) {
        }

        private static final class Agreement {
            final String id;
            String status = "IN_FORCE";

            Agreement(String id) {
                this.id = id;
            }
        }

        private static final class Forces {
            final String id;
            final Actor owner;
            final List<String> bases;
            final Set<String> handed = new HashSet<>();
            boolean scheduled;

            Forces(String id, Actor owner, List<String> bases) {
                this.id = id;
                this.owner = owner;
                this.bases = bases;
            }
        }

        private record Sanctions(String id, Actor imposer) {
        }

        private final Dyad dyad;
        private final Random random;
        private final String prefix;
        private Rel rel = Rel.PRESUMED;
        private final Map<String, Envoy> envoys = new LinkedHashMap<>();
        private final List<Agreement> agreements = new ArrayList<>();
        private final List<Forces> forces = new ArrayList<>();
        private final List<Sanctions> sanctions = new ArrayList<>();
        private LocalDate day;
        private int lastRank;
        private int seq;

        Story(Dyad dyad, Random random, String tag) {
            this.dyad = dyad;
            this.random = random;
            this.prefix = tag + dyad.id().toLowerCase(Locale.ROOT) + "-";
        }

        List<FactCommand> generate(int n) {
            long start = FIRST_DAY.toEpochDay() + random.nextInt(9000);
            long span = LAST_DAY.toEpochDay() - start;
            long[] days = new long[n];
            for (int i = 0; i < n; i++) {
                days[i] = start + (long) (random.nextDouble() * span);
            }
            Arrays.sort(days);
            List<FactCommand> out = new ArrayList<>(n);
            day = LocalDate.ofEpochDay(days[0]);
            lastRank = 0;
            for (int i = 0; i < n; i++) {
                LocalDate sampled = LocalDate.ofEpochDay(days[i]);
                if (sampled.isAfter(day)) {
                    day = sampled;
                    lastRank = 0;
                }
                out.add(next(i == 0));
            }
            return out;
        }

        private FactCommand next(boolean first) {
            FactKind kind = first && random.nextInt(3) > 0 ? FactKind.ESTABLISH_RELATIONS : drawKind();
            if (kind.rank() < lastRank) {
                day = day.plusDays(1);
            }
            lastRank = kind.rank();
            return make(kind);
        }

        private FactKind drawKind() {
            boolean severed = rel == Rel.SEVERED;
            Map<FactKind, Double> w = new java.util.EnumMap<>(FactKind.class);
            w.put(FactKind.RECORD_INTERACTION, 30.0);
            w.put(FactKind.HOLD_TALKS, 15.0);
            w.put(FactKind.PLEDGE_COOPERATION, 7.0);
            if (rel == Rel.PRESUMED || rel == Rel.DOWNGRADED) {
                w.put(FactKind.ESTABLISH_RELATIONS, 1.0);
            }
            if (severed) {
                w.put(FactKind.RESTORE_RELATIONS, 12.0);
            } else {
                w.put(FactKind.SEVER_RELATIONS, 0.3);
                w.put(FactKind.ACCREDIT_AMBASSADOR, 3.0);
                w.put(FactKind.APPOINT_ATTACHE, 2.0);
                if (openAgreements() < 6) {
                    w.put(FactKind.SIGN_AGREEMENT, 5.0);
                }
                if (rel == Rel.DOWNGRADED) {
                    w.put(FactKind.RESTORE_RELATIONS, 2.0);
                } else {
                    w.put(FactKind.DOWNGRADE_RELATIONS, 0.5);
                }
            }
            if (!envoys.isEmpty()) {
                w.put(FactKind.RECALL_ENVOY, 2.5);
                w.put(FactKind.EXPEL_ENVOY, 0.8);
            }
            if (agreements.stream().anyMatch(a -> a.status.equals("IN_FORCE"))) {
                w.put(FactKind.SUSPEND_AGREEMENT, 2.0);
            }
            if (agreements.stream().anyMatch(a -> !a.status.equals("DENOUNCED"))) {
                w.put(FactKind.DENOUNCE_AGREEMENT, 2.0);
            }
            if (agreements.stream().anyMatch(a -> !a.status.equals("IN_FORCE"))) {
                w.put(FactKind.RESTORE_AGREEMENT, 1.5);
            }
            if (forces.size() < 4) {
                w.put(FactKind.STATION_FORCES, 3.0);
            }
            if (!forces.isEmpty()) {
                w.put(FactKind.DEMAND_WITHDRAWAL, 1.5);
                w.put(FactKind.SCHEDULE_WITHDRAWAL, 3.0);
                if (forces.stream().anyMatch(f -> f.handed.size() < f.bases.size())) {
                    w.put(FactKind.HAND_OVER_BASE, 2.0);
                }
                if (forces.stream().anyMatch(f -> f.scheduled)) {
                    w.put(FactKind.COMPLETE_WITHDRAWAL, 3.0);
                }
            }
            if (sanctions.size() < 4) {
                w.put(FactKind.IMPOSE_SANCTIONS, 3.0);
            }
            if (!sanctions.isEmpty()) {
                w.put(FactKind.LIFT_SANCTIONS, 2.5);
            }
            double total = w.values().stream().mapToDouble(Double::doubleValue).sum();
            double x = random.nextDouble() * total;
            for (Map.Entry<FactKind, Double> e : w.entrySet()) {
                x -= e.getValue();
                if (x < 0) {
                    return e.getKey();
                }
            }
            return FactKind.RECORD_INTERACTION;
        }

        private long openAgreements() {
            return agreements.stream().filter(a -> !a.status.equals("DENOUNCED")).count();
        }

        private <T> T any(List<T> list) {
            return list.get(random.nextInt(list.size()));
        }

        private Actor either() {
            return random.nextBoolean() ? dyad.first() : dyad.second();
        }

        private FactHeader header(Actor actor) {
            String id = prefix + String.format(Locale.ROOT, "%07d", seq++);
            Actor target = dyad.other(actor);
            List<Source> sources = new ArrayList<>(2);
            int n = random.nextInt(10) < 7 ? 1 : 2;
            for (int i = 0; i < n; i++) {
                int r = random.nextInt(10);
                if (r < 6) {
                    sources.add(Source.of(Source.Kind.ARTICLE, Source.Confidence.REPORTED)
                            .withPublisher(PUBLISHERS[random.nextInt(PUBLISHERS.length)])
                            .withPublished(day.plusDays(random.nextInt(4))));
                } else if (r < 9) {
                    sources.add(Source.of(Source.Kind.OFFICIAL_STATEMENT, Source.Confidence.OFFICIAL)
                            .withPublisher("Ministry of Foreign Affairs of " + actor.name())
                            .withPublished(day));
                } else {
                    sources.add(Source.background());
                }
            }
            Precision precision = random.nextInt(20) == 0 ? Precision.MONTH : Precision.DAY;
            return new FactHeader(FactId.of(id), HappenedOn.of(day, precision), actor, target, sources);
        }

        private FactCommand make(FactKind kind) {
            switch (kind) {
                case ESTABLISH_RELATIONS -> {
                    rel = Rel.ESTABLISHED;
                    return new FactCommand.EstablishRelations(header(either()));
                }
                case RESTORE_RELATIONS -> {
                    rel = Rel.ESTABLISHED;
                    return new FactCommand.RestoreRelations(header(either()));
                }
                case DOWNGRADE_RELATIONS -> {
                    rel = Rel.DOWNGRADED;
                    return new FactCommand.DowngradeRelations(header(either()));
                }
                case SEVER_RELATIONS -> {
                    rel = Rel.SEVERED;
                    envoys.clear();
                    return new FactCommand.SeverRelations(header(either()));
                }
                case ACCREDIT_AMBASSADOR -> {
                    Actor sender = either();
                    MissionLevel level = random.nextInt(4) == 0 ? MissionLevel.CHARGE_D_AFFAIRES : MissionLevel.AMBASSADOR;
                    FactHeader h = header(sender);
                    envoys.values().removeIf(e -> e.sender().equals(sender) && e.role() != EnvoyRole.DEFENCE_ATTACHE);
                    envoys.put(h.id().value(), new Envoy(h.id().value(), sender, level.role()));
                    return new FactCommand.AccreditAmbassador(h, level, Optional.of("Envoy " + h.id().value().substring(8)));
                }
                case APPOINT_ATTACHE -> {
                    Actor sender = either();
                    FactHeader h = header(sender);
                    envoys.values().removeIf(e -> e.sender().equals(sender) && e.role() == EnvoyRole.DEFENCE_ATTACHE);
                    envoys.put(h.id().value(), new Envoy(h.id().value(), sender, EnvoyRole.DEFENCE_ATTACHE));
                    return new FactCommand.AppointAttache(h, Optional.of("Attaché " + h.id().value().substring(8)),
                            Optional.of(RANKS[random.nextInt(RANKS.length)]), SERVICES[random.nextInt(SERVICES.length)]);
                }
                case RECALL_ENVOY, EXPEL_ENVOY -> {
                    Envoy e = any(new ArrayList<>(envoys.values()));
                    envoys.remove(e.id());
                    boolean recall = kind == FactKind.RECALL_ENVOY;
                    FactHeader h = header(recall ? e.sender() : dyad.other(e.sender()));
                    Optional<FactId> appointment = Optional.of(FactId.of(e.id()));
                    return recall ? new FactCommand.RecallEnvoy(h, appointment, e.role()) : new FactCommand.ExpelEnvoy(h, appointment, e.role());
                }
                case SIGN_AGREEMENT -> {
                    FactHeader h = header(either());
                    agreements.add(new Agreement(h.id().value()));
                    AgreementKind k = AgreementKind.values()[random.nextInt(AgreementKind.values().length)];
                    return new FactCommand.SignAgreement(h, k, random.nextBoolean() ? Optional.of(k.name().toLowerCase(Locale.ROOT)
                            .replace('_', ' ') + " agreement " + h.id().value().substring(8)) : Optional.empty());
                }
                case SUSPEND_AGREEMENT -> {
                    Agreement a = any(agreements.stream().filter(x -> x.status.equals("IN_FORCE")).toList());
                    a.status = "SUSPENDED";
                    return new FactCommand.SuspendAgreement(header(either()), FactId.of(a.id));
                }
                case DENOUNCE_AGREEMENT -> {
                    Agreement a = any(agreements.stream().filter(x -> !x.status.equals("DENOUNCED")).toList());
                    a.status = "DENOUNCED";
                    // Keep a few denounced agreements restorable; forget older ones (the rules keep them all).
                    if (agreements.stream().filter(x -> x.status.equals("DENOUNCED")).count() > 3) {
                        agreements.stream().filter(x -> x.status.equals("DENOUNCED")).findFirst().ifPresent(agreements::remove);
                    }
                    return new FactCommand.DenounceAgreement(header(either()), FactId.of(a.id));
                }
                case RESTORE_AGREEMENT -> {
                    Agreement a = any(agreements.stream().filter(x -> !x.status.equals("IN_FORCE")).toList());
                    a.status = "IN_FORCE";
                    return new FactCommand.RestoreAgreement(header(either()), FactId.of(a.id));
                }
                case STATION_FORCES -> {
                    Actor owner = either();
                    FactHeader h = header(owner);
                    boolean invited = rel != Rel.SEVERED && random.nextInt(5) > 0;
                    List<String> bases = new ArrayList<>();
                    for (int i = random.nextInt(3); i > 0; i--) {
                        bases.add("Base " + h.id().value().substring(8) + "-" + i);
                    }
                    forces.add(new Forces(h.id().value(), owner, bases));
                    return new FactCommand.StationForces(h, Optional.of(LOCATIONS[random.nextInt(LOCATIONS.length)]),
                            Optional.of(50 + random.nextInt(3000)), bases, invited);
                }
                case DEMAND_WITHDRAWAL -> {
                    Forces f = any(forces);
                    return new FactCommand.DemandWithdrawal(header(dyad.other(f.owner)), List.of(FactId.of(f.id)));
                }
                case SCHEDULE_WITHDRAWAL -> {
                    Forces f = any(forces);
                    f.scheduled = true;
                    FactHeader h = header(f.owner);
                    Optional<LocalDate> deadline = random.nextInt(4) == 0 ? Optional.empty() : Optional.of(day.plusDays(30 + random.nextInt(330)));
                    return new FactCommand.ScheduleWithdrawal(h, deadline, List.of(FactId.of(f.id)));
                }
                case HAND_OVER_BASE -> {
                    Forces f = any(forces.stream().filter(x -> x.handed.size() < x.bases.size()).toList());
                    String base = f.bases.stream().filter(b -> !f.handed.contains(b)).findFirst().orElseThrow();
                    f.handed.add(base);
                    return new FactCommand.HandOverBase(header(f.owner), FactId.of(f.id), base);
                }
                case COMPLETE_WITHDRAWAL -> {
                    Forces f = any(forces.stream().filter(x -> x.scheduled).toList());
                    forces.remove(f);
                    return new FactCommand.CompleteWithdrawal(header(f.owner), List.of(FactId.of(f.id)));
                }
                case PLEDGE_COOPERATION -> {
                    List<CooperationDomain> domains = new ArrayList<>(List.of(CooperationDomain.values()));
                    Collections.shuffle(domains, random);
                    return new FactCommand.PledgeCooperation(header(either()), List.copyOf(domains.subList(0, 1 + random.nextInt(2))));
                }
                case HOLD_TALKS -> {
                    return new FactCommand.HoldTalks(header(either()), random.nextInt(5) == 0 ? Optional.empty()
                            : Optional.of(SUBJECTS[random.nextInt(SUBJECTS.length)]));
                }
                case IMPOSE_SANCTIONS -> {
                    Actor imposer = either();
                    FactHeader h = header(imposer);
                    sanctions.add(new Sanctions(h.id().value(), imposer));
                    return new FactCommand.ImposeSanctions(h, "sanctions on " + SUBJECTS[random.nextInt(SUBJECTS.length)]);
                }
                case LIFT_SANCTIONS -> {
                    Sanctions s = any(sanctions);
                    sanctions.remove(s);
                    return new FactCommand.LiftSanctions(header(s.imposer()), FactId.of(s.id()));
                }
                case RECORD_INTERACTION -> {
                    CameoCode code = CameoCode.of(CAMEO[random.nextInt(CAMEO.length)]);
                    return new FactCommand.RecordInteraction(header(either()), code, code.name());
                }
                // drawKind never draws these: the generated dyads are pairs of countries, and membership is a
                // country and an organisation. Named here so that a kind added later shows up as unhandled.
                case JOIN, SUSPEND_MEMBERSHIP, REINSTATE_MEMBERSHIP, ANNOUNCE_WITHDRAWAL, WITHDRAW ->
                        throw new IllegalStateException("the generator's dyads are countries; it makes no " + kind.slug() + " fact");
                default -> throw new IllegalStateException("unhandled kind " + kind);
            }
        }
    }
}
