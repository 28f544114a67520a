package org.entente.testsupport;

import java.time.LocalDate;
import java.util.List;
import org.entente.core.Actor;
import org.entente.core.Country;
import org.entente.core.FactId;
import org.entente.core.Source;
import org.entente.core.relationship.AgreementKind;
import org.entente.core.relationship.CooperationDomain;
import org.entente.core.relationship.Fact;
import org.entente.core.relationship.FactBuilder;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactHeader;
import org.entente.core.relationship.RelationshipCommand;

/** Short factories for the facts that tests record, on the Niger story's countries, said with the fluent API ({@link #fact}). */
public final class Facts {

    public static final Country NER = Country.of("NER");
    public static final Country USA = Country.of("USA");
    public static final Country FRA = Country.of("FRA");
    public static final Country TUR = Country.of("TUR");
    public static final Country CHN = Country.of("CHN");
    public static final Country RUS = Country.of("RUS");

    private Facts() {
    }

    public static Source source() {
        return Source.of(Source.Kind.ARTICLE, Source.Confidence.REPORTED).withPublisher("test");
    }

    public static FactHeader header(String id, LocalDate day, Actor actor, Actor target) {
        return fact(id, day, actor, target).header();
    }

    public static FactHeader header(String id, String day, Actor actor, Actor target) {
        return header(id, LocalDate.parse(day), actor, target);
    }

    /** A fact said with the fluent API, with the test source: {@code fact("t", "2024-03-12", USA, NER).holdTalks()}. */
    public static Fact fact(String id, LocalDate day, Actor actor, Actor target) {
        return Fact.id(id).on(day).by(actor).towards(target).source(source());
    }

    public static Fact fact(String id, String day, Actor actor, Actor target) {
        return fact(id, LocalDate.parse(day), actor, target);
    }

    public static FactCommand sign(String id, String day, Actor a, Actor b, AgreementKind kind) {
        return fact(id, day, a, b).signAgreement(kind).command();
    }

    public static FactCommand station(String id, String day, Country owner, Country host, String... bases) {
        return fact(id, day, owner, host).stationForces().bases(bases).invited().command();
    }

    public static FactCommand denounce(String id, String day, Actor actor, Country other, String agreement) {
        return fact(id, day, actor, other).denounceAgreement(agreement).command();
    }

    public static FactCommand schedule(String id, String day, Country owner, Country host, String deadline, String... forces) {
        FactBuilder.ScheduleWithdrawal b = fact(id, day, owner, host).scheduleWithdrawal().forces(forces);
        return (deadline == null ? b : b.deadline(LocalDate.parse(deadline))).command();
    }

    public static FactCommand complete(String id, String day, Country owner, Country host, String... forces) {
        return fact(id, day, owner, host).completeWithdrawal().forces(forces).command();
    }

    public static FactCommand talks(String id, String day, Actor a, Actor b) {
        return fact(id, day, a, b).holdTalks().command();
    }

    public static FactCommand pledge(String id, String day, Actor a, Actor b, CooperationDomain... domains) {
        return fact(id, day, a, b).pledgeCooperation(List.of(domains)).command();
    }

    /** The Niger–US story of docs/DOMAIN.md, in happened order. */
    public static List<FactCommand> nigerUsa() {
        return List.of(
                sign("usa-sofa-2012", "2012-01-01", NER, USA, AgreementKind.STATUS_OF_FORCES),
                station("usa-forces-niamey", "2013-02-22", USA, NER, "Air Base 101"),
                station("usa-forces-agadez", "2019-11-01", USA, NER, "Air Base 201"),
                talks("usa-talks-2024-03", "2024-03-12", USA, NER),
                denounce("usa-denounce", "2024-03-16", NER, USA, "usa-sofa-2012"),
                schedule("usa-schedule", "2024-04-19", USA, NER, null),
                schedule("usa-deadline", "2024-05-19", USA, NER, "2024-09-15"),
                fact("usa-handover-101", "2024-07-07", USA, NER).handOverBase("usa-forces-niamey", "Air Base 101").command(),
                fact("usa-handover-201", "2024-08-05", USA, NER).handOverBase("usa-forces-agadez", "Air Base 201").command(),
                complete("usa-complete", "2024-08-05", USA, NER, "usa-forces-niamey", "usa-forces-agadez"));
    }

    /** The fact id a command names: a fact's own, a correction's revised fact's, a retraction's first. */
    public static FactId idOf(RelationshipCommand c) {
        if (c instanceof FactCommand f) {
            return f.fact().id();
        }
        if (c instanceof RelationshipCommand.CorrectFact cf) {
            return cf.revised().fact().id();
        }
        return ((RelationshipCommand.RetractFacts) c).facts().get(0);
    }
}
