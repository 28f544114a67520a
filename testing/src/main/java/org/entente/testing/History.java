package org.entente.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.entente.core.Dyad;
import org.entente.core.relationship.DyadHistory;
import org.entente.core.relationship.FactEvent;

/**
 * Where an assertion's subject comes from, for its failure messages: the setting ("", or " in the
 * branch at 2024-03-15") and, when known, the facts of each dyad in order.
 */
record History(String setting, Function<Dyad, List<FactEvent>> facts, boolean known) {

    /** A subject handed over alone: its facts are not known. */
    static final History UNKNOWN = new History("", d -> List.of(), false);

    static History of(String setting, Function<Dyad, List<FactEvent>> facts) {
        return new History(setting, facts, true);
    }

    /** The facts of several dyads, merged in docs/DOMAIN.md's order. */
    List<FactEvent> factsOf(Collection<Dyad> dyads) {
        List<FactEvent> all = new ArrayList<>();
        dyads.forEach(d -> all.addAll(facts.apply(d)));
        all.sort(DyadHistory.ORDER);
        return all;
    }
}
