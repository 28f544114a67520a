package org.entente.core.relationship;

import java.util.List;
import java.util.Objects;
import org.entente.core.Actor;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.entente.core.Source;

/**
 * What every fact carries: its id, when it happened, who acted towards whom, and its sources.
 *
 * <pre>{@code
 * FactHeader fact = FactHeader.of("tur-attache", HappenedOn.day(2024, 4, 26),
 *         Country.of("TUR"), Country.of("NER"), article);
 * }</pre>
 *
 * @param id       the fact's stable id, unique in the store
 * @param happened when it happened (valid time)
 * @param actor    who acted
 * @param target   towards whom; with the actor it makes the fact's dyad
 * @param sources  one or more sources, at most {@link #MAX_SOURCES}
 */
public record FactHeader(FactId id, HappenedOn happened, Actor actor, Actor target, List<Source> sources) {

    /** The most sources one fact may carry. */
    public static final int MAX_SOURCES = 20;

    /**
     * Validates; see the type's documentation.
     *
     * @param id the fact's stable id, unique in the store
     * @param happened when it happened (valid time)
     * @param actor who acted
     * @param target towards whom; with the actor it makes the fact's dyad
     * @param sources one or more sources, at most {@link #MAX_SOURCES}
     */
    public FactHeader {
        Objects.requireNonNull(id, "fact id is null");
        Objects.requireNonNull(happened, "happened of fact " + id + " is null; give a HappenedOn such as HappenedOn.day(2024, 4, 19)");
        Objects.requireNonNull(actor, "actor of fact " + id + " is null; give a Country such as Country.of(\"USA\") or an Organisation such as Organisation.of(\"ECOWAS\")");
        Objects.requireNonNull(target, "target of fact " + id + " is null; give a Country such as Country.of(\"NER\") or an Organisation such as Organisation.of(\"ECOWAS\")");
        Objects.requireNonNull(sources, "sources of fact " + id + " are null; give at least one Source");
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i) == null) {
                throw new NullPointerException("source #" + (i + 1) + " of fact " + id + " is null; give a Source such as Source.background()");
            }
        }
        if (actor.equals(target)) {
            throw new IllegalArgumentException("fact " + id + ": actor and target are both " + actor
                    + "; a fact is between two distinct countries");
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("fact " + id + " has no source; every fact needs at least one");
        }
        if (sources.size() > MAX_SOURCES) {
            throw new IllegalArgumentException("fact " + id + " has " + sources.size() + " sources; at most "
                    + MAX_SOURCES + " are accepted");
        }
        sources = List.copyOf(sources);
    }

    /**
     * {@return a header with one or more sources}
     *
     * @param id the fact's stable id, such as {@code "usa-schedule"} (see {@link FactId})
     * @param happened when it happened, with the precision known
     * @param actor the country that acted
     * @param target the country it acted towards, not the actor
     * @param sources where the fact came from: at least one, none null
     */
    public static FactHeader of(String id, HappenedOn happened, Actor actor, Actor target, Source... sources) {
        Objects.requireNonNull(id, "fact id is null; give the fact a stable id such as \"usa-schedule\"");
        Objects.requireNonNull(sources, "sources of fact " + id + " are null; give at least one Source");
        for (int i = 0; i < sources.length; i++) {
            if (sources[i] == null) {
                throw new NullPointerException("source #" + (i + 1) + " of fact " + id + " is null; give a Source such as Source.background()");
            }
        }
        return new FactHeader(FactId.of(id), happened, actor, target, List.of(sources));
    }

    /** {@return the dyad of actor and target} */
    public Dyad dyad() {
        return Dyad.of(actor, target);
    }
}
