package org.entente.testsupport;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.entente.core.Country;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.entente.core.Source;
import org.entente.core.relationship.AgreementKind;
import org.entente.core.relationship.CooperationDomain;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactHeader;

/** Short factories for the facts that tests record, on the Niger story's countries. */
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

    public static FactHeader header(String id, LocalDate day, Country actor, Country target) {
        return new FactHeader(FactId.of(id), HappenedOn.day(day), actor, target, List.of(source()));
    }

    public static FactHeader header(String id, String day, Country actor, Country target) {
        return header(id, LocalDate.parse(day), actor, target);
    }

    public static FactCommand sign(String id, String day, Country a, Country b, AgreementKind kind) {
        return new FactCommand.SignAgreement(header(id, day, a, b), kind, Optional.empty());
    }

    public static FactCommand station(String id, String day, Country owner, Country host, String... bases) {
        return new FactCommand.StationForces(header(id, day, owner, host), Optional.empty(), Optional.empty(), List.of(bases), true);
    }

    public static FactCommand denounce(String id, String day, Country actor, Country other, String agreement) {
        return new FactCommand.DenounceAgreement(header(id, day, actor, other), FactId.of(agreement));
    }

    public static FactCommand schedule(String id, String day, Country owner, Country host, String deadline, String... forces) {
        return new FactCommand.ScheduleWithdrawal(header(id, day, owner, host),
                Optional.ofNullable(deadline).map(LocalDate::parse),
                java.util.Arrays.stream(forces).map(FactId::of).toList());
    }

    public static FactCommand complete(String id, String day, Country owner, Country host, String... forces) {
        return new FactCommand.CompleteWithdrawal(header(id, day, owner, host),
                java.util.Arrays.stream(forces).map(FactId::of).toList());
    }

    public static FactCommand talks(String id, String day, Country a, Country b) {
        return new FactCommand.HoldTalks(header(id, day, a, b), Optional.empty());
    }

    public static FactCommand pledge(String id, String day, Country a, Country b, CooperationDomain... domains) {
        return new FactCommand.PledgeCooperation(header(id, day, a, b), List.of(domains));
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
                new FactCommand.HandOverBase(header("usa-handover-101", "2024-07-07", USA, NER), FactId.of("usa-forces-niamey"), "Air Base 101"),
                new FactCommand.HandOverBase(header("usa-handover-201", "2024-08-05", USA, NER), FactId.of("usa-forces-agadez"), "Air Base 201"),
                complete("usa-complete", "2024-08-05", USA, NER, "usa-forces-niamey", "usa-forces-agadez"));
    }
}
