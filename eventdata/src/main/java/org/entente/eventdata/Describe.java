package org.entente.eventdata;

import java.util.Locale;
import java.util.stream.Collectors;
import org.entente.core.FactId;
import org.entente.core.relationship.FactEvent;

/** A short description of a fact for exports; an interaction keeps its own. */
final class Describe implements FactEvent.Visitor<String> {

    private static final Describe INSTANCE = new Describe();

    static String of(FactEvent fact) {
        return fact.accept(INSTANCE);
    }

    private static String label(FactEvent e) {
        return e.kind().label();
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    @Override
    public String visit(FactEvent.RelationsEstablished e) {
        return label(e);
    }

    @Override
    public String visit(FactEvent.RelationsRestored e) {
        return label(e);
    }

    @Override
    public String visit(FactEvent.RelationsDowngraded e) {
        return label(e);
    }

    @Override
    public String visit(FactEvent.RelationsSevered e) {
        return label(e);
    }

    @Override
    public String visit(FactEvent.AmbassadorAccredited e) {
        return label(e) + ": " + lower(e.level()) + e.name().map(n -> " " + n).orElse("");
    }

    @Override
    public String visit(FactEvent.AttacheAppointed e) {
        return label(e) + ": " + e.serviceText() + e.rank().map(r -> ", " + r).orElse("") + e.name().map(n -> " " + n).orElse("");
    }

    @Override
    public String visit(FactEvent.EnvoyRecalled e) {
        return label(e) + ": " + lower(e.role()) + e.appointment().map(a -> " (" + a + ")").orElse("");
    }

    @Override
    public String visit(FactEvent.EnvoyExpelled e) {
        return label(e) + ": " + lower(e.role()) + e.appointment().map(a -> " (" + a + ")").orElse("");
    }

    @Override
    public String visit(FactEvent.AgreementSigned e) {
        return label(e) + ": " + lower(e.agreementKind()) + e.title().map(t -> ", " + t).orElse("");
    }

    @Override
    public String visit(FactEvent.AgreementSuspended e) {
        return label(e) + " " + e.agreement();
    }

    @Override
    public String visit(FactEvent.AgreementDenounced e) {
        return label(e) + " " + e.agreement();
    }

    @Override
    public String visit(FactEvent.AgreementRestored e) {
        return label(e) + " " + e.agreement();
    }

    @Override
    public String visit(FactEvent.ForcesStationed e) {
        return label(e) + (e.invited() ? ", invited" : ", not invited") + e.location().map(l -> ": " + l).orElse("")
                + e.size().map(s -> ", about " + s).orElse("") + (e.bases().isEmpty() ? "" : ", " + String.join(", ", e.bases()));
    }

    @Override
    public String visit(FactEvent.WithdrawalDemanded e) {
        return label(e) + ids(e.forces());
    }

    @Override
    public String visit(FactEvent.WithdrawalScheduled e) {
        return label(e) + e.deadline().map(d -> ", deadline " + d).orElse("") + ids(e.forces());
    }

    @Override
    public String visit(FactEvent.BaseHandedOver e) {
        return label(e) + ": " + e.base() + " (" + e.forces() + ")";
    }

    @Override
    public String visit(FactEvent.WithdrawalCompleted e) {
        return label(e) + ids(e.forces());
    }

    @Override
    public String visit(FactEvent.CooperationPledged e) {
        return label(e) + ": " + e.domains().stream().map(Describe::lower).collect(Collectors.joining(", "));
    }

    @Override
    public String visit(FactEvent.TalksHeld e) {
        return label(e) + e.subject().map(s -> ": " + s).orElse("");
    }

    @Override
    public String visit(FactEvent.SanctionsImposed e) {
        return label(e) + ": " + e.description();
    }

    @Override
    public String visit(FactEvent.SanctionsLifted e) {
        return label(e) + " " + e.sanctions();
    }

    @Override
    public String visit(FactEvent.InteractionRecorded e) {
        return e.description();
    }

    @Override
    public String visit(FactEvent.MemberJoined e) {
        return label(e);
    }

    @Override
    public String visit(FactEvent.MembershipSuspended e) {
        return label(e) + e.scope().map(s -> ": " + s).orElse("");
    }

    @Override
    public String visit(FactEvent.MembershipReinstated e) {
        return label(e);
    }

    @Override
    public String visit(FactEvent.MembershipWithdrawalAnnounced e) {
        return label(e) + ", effective " + e.effective();
    }

    @Override
    public String visit(FactEvent.MembershipWithdrawn e) {
        return label(e);
    }

    private static String ids(java.util.List<FactId> ids) {
        return ids.isEmpty() ? "" : " (" + ids.stream().map(FactId::value).collect(Collectors.joining(", ")) + ")";
    }
}
