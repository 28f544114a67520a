package org.entente;

import static org.entente.testsupport.Facts.header;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.entente.core.Country;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.entente.core.Source;
import org.entente.core.relationship.AttacheService;
import org.entente.core.relationship.EnvoyRole;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactHeader;
import org.entente.core.relationship.MissionLevel;

/**
 * Factories for the kinds of fact that {@link org.entente.testsupport.Facts} has none for, for the
 * projection tests.
 */
public final class MoreFacts {

    private MoreFacts() {
    }

    public static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    public static FactCommand ambassador(String id, String day, Country sender, Country host) {
        return new FactCommand.AccreditAmbassador(header(id, day, sender, host), MissionLevel.AMBASSADOR, Optional.empty());
    }

    public static FactCommand charge(String id, String day, Country sender, Country host) {
        return new FactCommand.AccreditAmbassador(header(id, day, sender, host), MissionLevel.CHARGE_D_AFFAIRES, Optional.empty());
    }

    public static FactCommand attache(String id, String day, Country sender, Country host) {
        return new FactCommand.AppointAttache(header(id, day, sender, host), Optional.of("Serkan Kaya"), Optional.of("Colonel"),
                AttacheService.DEFENCE);
    }

    /** The sender recalls the envoy it appointed by {@code appointment}. */
    public static FactCommand recall(String id, String day, Country sender, Country host, String appointment, EnvoyRole role) {
        return new FactCommand.RecallEnvoy(header(id, day, sender, host), Optional.of(FactId.of(appointment)), role);
    }

    /** The host expels the envoy appointed by {@code appointment}. */
    public static FactCommand expel(String id, String day, Country host, Country sender, String appointment, EnvoyRole role) {
        return new FactCommand.ExpelEnvoy(header(id, day, host, sender), Optional.of(FactId.of(appointment)), role);
    }

    public static FactCommand sever(String id, String day, Country actor, Country target) {
        return new FactCommand.SeverRelations(header(id, day, actor, target));
    }

    public static FactCommand restoreRelations(String id, String day, Country actor, Country target) {
        return new FactCommand.RestoreRelations(header(id, day, actor, target));
    }

    public static FactCommand suspend(String id, String day, Country actor, Country other, String agreement) {
        return new FactCommand.SuspendAgreement(header(id, day, actor, other), FactId.of(agreement));
    }

    public static FactCommand restoreAgreement(String id, String day, Country actor, Country other, String agreement) {
        return new FactCommand.RestoreAgreement(header(id, day, actor, other), FactId.of(agreement));
    }

    /** The host demands that every force of the owner leaves. */
    public static FactCommand demand(String id, String day, Country host, Country owner) {
        return new FactCommand.DemandWithdrawal(header(id, day, host, owner), List.of());
    }

    public static FactCommand uninvited(String id, String day, Country owner, Country host) {
        return new FactCommand.StationForces(header(id, day, owner, host), Optional.empty(), Optional.empty(), List.of(), false);
    }

    /** Talks whose only source is the given one. */
    public static FactCommand talks(String id, String day, Country a, Country b, Source... sources) {
        return new FactCommand.HoldTalks(new FactHeader(FactId.of(id), HappenedOn.day(day(day)), a, b, List.of(sources)),
                Optional.empty());
    }

    /** An article published on a day. */
    public static Source article(String published) {
        return Source.of(Source.Kind.ARTICLE, Source.Confidence.REPORTED).withPublisher("test").withPublished(day(published));
    }
}
