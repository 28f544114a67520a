package org.entente.testing;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.AbstractAssert;
import org.entente.core.Actor;
import org.entente.core.relationship.EnvoyRole;
import org.entente.core.relationship.RelationshipState.Forces;
import org.entente.partnership.Partnership;
import org.entente.partnership.Status;

/**
 * Assertions on a {@link Partnership}, from {@link EntenteAssertions#assertThat(Partnership)}. A failure
 * names the dyad and the date, says what was expected and what was found, and lists the dyad's facts
 * up to the date when the partnership came from an {@code Entente}, a simulation or a fixture.
 *
 * <pre>{@code
 * assertThat(partnership)
 *         .hasStatus(WINDING_DOWN)
 *         .hasForcesOf(USA).withWithdrawalDeadline(LocalDate.of(2024, 9, 15));
 * }</pre>
 *
 * <p>{@link #withWithdrawalDeadline(LocalDate)} applies to the forces named by the last
 * {@link #hasForcesOf(Actor)}.
 */
public class PartnershipAssert extends AbstractAssert<PartnershipAssert, Partnership> {

    private final History history;
    private Actor forcesOwner;

    /**
     * An assertion on a partnership whose facts are not known (messages show its last fact).
     *
     * @param actual the value under test
     */
    public PartnershipAssert(Partnership actual) {
        this(actual, History.UNKNOWN);
    }

    PartnershipAssert(Partnership actual, History history) {
        super(actual, PartnershipAssert.class);
        this.history = history;
    }

    /**
     * The partnership has this status on its date.
     *
     * @param expected the status the partnership should have
     * @return this assertion, to chain more checks
     */
    public PartnershipAssert hasStatus(Status expected) {
        Objects.requireNonNull(expected, "expected status");
        isNotNull();
        if (actual.status() != expected) {
            failWithActualExpectedAndMessage(actual.status(), expected, "%s",
                    message("to have status " + expected, "it is " + Render.partnership(actual)));
        }
        return this;
    }

    /**
     * The dyad has this many of the four security elements (0 to 4) on its date.
     *
     * @param expected how many of the four security elements the dyad should have, 0 to 4
     * @return this assertion, to chain more checks
     */
    public PartnershipAssert hasSecurityWeight(int expected) {
        isNotNull();
        if (actual.securityWeight() != expected) {
            failWithActualExpectedAndMessage(actual.securityWeight(), expected, "%s",
                    message("to have security weight " + expected, "it has " + actual.securityWeight() + ": "
                            + Render.partnership(actual)));
        }
        return this;
    }

    /**
     * Forces of this country are present (in the other country of the dyad) on the date. Later
     * {@link #withWithdrawalDeadline(LocalDate)} calls apply to them.
     *
     * @param owner the country whose forces should be present, one of the dyad's two
     * @return this assertion, to chain more checks
     */
    public PartnershipAssert hasForcesOf(Actor owner) {
        Objects.requireNonNull(owner, "owner");
        isNotNull();
        if (forcesOf(owner).isEmpty()) {
            failWithMessage("%s", message("to have forces of " + owner.code() + " present",
                    "forces present are " + Render.forces(actual.forces())));
        }
        forcesOwner = owner;
        return this;
    }

    /**
     * No forces of this country are present on the date.
     *
     * @param owner the country whose forces should be absent
     * @return this assertion, to chain more checks
     */
    public PartnershipAssert hasNoForcesOf(Actor owner) {
        Objects.requireNonNull(owner, "owner");
        isNotNull();
        if (!forcesOf(owner).isEmpty()) {
            failWithMessage("%s", message("to have no forces of " + owner.code() + " present",
                    "forces present are " + Render.forces(forcesOf(owner))));
        }
        return this;
    }

    /**
     * Every force of the country named by the last {@link #hasForcesOf(Actor)} has a withdrawal
     * scheduled with this deadline.
     *
     * @param deadline the day every such withdrawal should be scheduled to be complete by
     * @return this assertion, to chain more checks
     * @throws IllegalStateException when {@code hasForcesOf} was not called first
     */
    public PartnershipAssert withWithdrawalDeadline(LocalDate deadline) {
        Objects.requireNonNull(deadline, "deadline");
        if (forcesOwner == null) {
            throw new IllegalStateException("withWithdrawalDeadline applies to the forces of a country: call hasForcesOf(country) first");
        }
        List<Forces> other = forcesOf(forcesOwner).stream()
                .filter(f -> !f.withdrawal().flatMap(w -> w.deadline()).equals(Optional.of(deadline)))
                .toList();
        if (!other.isEmpty()) {
            failWithMessage("%s", message("to have the forces of " + forcesOwner.code() + " withdrawing by " + deadline,
                    "forces of " + forcesOwner.code() + " are " + Render.forces(forcesOf(forcesOwner))));
        }
        return this;
    }

    /**
     * Exactly these agreements are in force, named by the ids of their signings (none: no agreement in force).
     *
     * @param signings the fact ids of the signings, in any order; none to say no agreement is in force
     * @return this assertion, to chain more checks
     */
    public PartnershipAssert hasAgreementsInForce(String... signings) {
        isNotNull();
        Set<String> expected = new TreeSet<>(Arrays.asList(signings));
        Set<String> found = new TreeSet<>(actual.agreements().stream().map(a -> a.signing().value()).toList());
        if (!found.equals(expected)) {
            failWithActualExpectedAndMessage(found, expected, "%s",
                    message("to have exactly these agreements in force: " + expected, "they are " + found));
        }
        return this;
    }

    /**
     * An envoy of this country in this role is in post in the other country on the date.
     *
     * @param sender the country that sent the envoy
     * @param role the envoy's role, such as {@code AMBASSADOR} or {@code DEFENCE_ATTACHE}
     * @return this assertion, to chain more checks
     */
    public PartnershipAssert hasEnvoyOf(Actor sender, EnvoyRole role) {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(role, "role");
        isNotNull();
        if (actual.envoys().stream().noneMatch(e -> e.sender().equals(sender) && e.role() == role)) {
            failWithMessage("%s", message("to have an envoy of " + sender.code() + " in post as " + role,
                    "envoys in post are " + actual.envoys().stream().map(e -> e.sender().code() + " " + e.role()
                            + " (" + e.appointment() + ")").toList()));
        }
        return this;
    }

    /**
     * The country stands in the organisation as given on the date: {@code MEMBER}, {@code SUSPENDED},
     * {@code WITHDRAWING}, {@code FORMER}, or {@code NONE} (nothing recorded, or the dyad is not a country
     * and an organisation).
     *
     * @param expected the membership status expected on the partnership's date
     * @return this assertion, to chain more checks
     */
    public PartnershipAssert hasMembership(org.entente.core.relationship.RelationshipState.MembershipStatus expected) {
        Objects.requireNonNull(expected, "expected");
        isNotNull();
        if (actual.membershipStatus() != expected) {
            failWithActualExpectedAndMessage(actual.membershipStatus(), expected, "%s", message("to have membership " + expected,
                    "it is " + actual.membershipStatus() + actual.membership().map(m -> " (joined " + m.joined()
                            + m.suspendedSince().map(d -> ", suspended since " + d).orElse("")
                            + m.announcedWithdrawal().map(a -> ", leaving on " + a.effective()).orElse("")
                            + m.withdrawn().map(d -> ", withdrew on " + d).orElse("") + ")").orElse("")));
        }
        return this;
    }

    private List<Forces> forcesOf(Actor owner) {
        return actual.forces().stream().filter(f -> f.owner().equals(owner)).toList();
    }

    private String message(String expectation, String found) {
        String where = actual.dyad() + " on " + actual.date() + history.setting();
        return "Expecting " + where + "\n  " + expectation + "\nbut " + found + "\n" + facts();
    }

    private String facts() {
        if (!history.known()) {
            return "Last fact: " + actual.lastFact().map(f -> f.day() + " " + f.kind().label() + " (" + f.id() + ")").orElse("none")
                    + ", " + actual.facts() + " fact(s) in all";
        }
        return "Facts of " + actual.dyad() + " up to " + actual.date() + ", in order:\n"
                + Render.factsUpTo(history.facts().apply(actual.dyad()), actual.date());
    }
}
