package org.entente;

import static org.entente.testsupport.Facts.fact;

import java.time.LocalDate;
import org.entente.core.Actor;
import org.entente.core.Country;
import org.entente.core.Source;
import org.entente.core.relationship.EnvoyRole;
import org.entente.core.relationship.Fact;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.MissionLevel;

/**
 * Factories for the kinds of fact that {@link org.entente.testsupport.Facts} has none for, for the
 * projection tests, each one line of the fluent API.
 */
public final class MoreFacts {

    private MoreFacts() {
    }

    public static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    public static FactCommand ambassador(String id, String day, Country sender, Country host) {
        return fact(id, day, sender, host).accreditAmbassador().command();
    }

    public static FactCommand charge(String id, String day, Country sender, Country host) {
        return fact(id, day, sender, host).accreditAmbassador().level(MissionLevel.CHARGE_D_AFFAIRES).command();
    }

    public static FactCommand attache(String id, String day, Country sender, Country host) {
        return fact(id, day, sender, host).appointAttache("Serkan Kaya").rank("Colonel").command();
    }

    /** The sender recalls the envoy it appointed by {@code appointment}. */
    public static FactCommand recall(String id, String day, Country sender, Country host, String appointment, EnvoyRole role) {
        return fact(id, day, sender, host).recallEnvoy(role).appointment(appointment).command();
    }

    /** The host expels the envoy appointed by {@code appointment}. */
    public static FactCommand expel(String id, String day, Country host, Country sender, String appointment, EnvoyRole role) {
        return fact(id, day, host, sender).expelEnvoy(role).appointment(appointment).command();
    }

    public static FactCommand sever(String id, String day, Actor actor, Actor target) {
        return fact(id, day, actor, target).severRelations().command();
    }

    public static FactCommand restoreRelations(String id, String day, Actor actor, Actor target) {
        return fact(id, day, actor, target).restoreRelations().command();
    }

    public static FactCommand suspend(String id, String day, Actor actor, Country other, String agreement) {
        return fact(id, day, actor, other).suspendAgreement(agreement).command();
    }

    public static FactCommand restoreAgreement(String id, String day, Actor actor, Country other, String agreement) {
        return fact(id, day, actor, other).restoreAgreement(agreement).command();
    }

    /** The host demands that every force of the owner leaves. */
    public static FactCommand demand(String id, String day, Country host, Country owner) {
        return fact(id, day, host, owner).demandWithdrawal().command();
    }

    public static FactCommand uninvited(String id, String day, Country owner, Country host) {
        return fact(id, day, owner, host).stationForces().uninvited().command();
    }

    /** Talks whose only source is the given one. */
    public static FactCommand talks(String id, String day, Actor a, Actor b, Source... sources) {
        return Fact.id(id).on(day(day)).by(a).towards(b).sources(sources).holdTalks().command();
    }

    /** An article published on a day. */
    public static Source article(String published) {
        return Source.of(Source.Kind.ARTICLE, Source.Confidence.REPORTED).withPublisher("test").withPublished(day(published));
    }
}
