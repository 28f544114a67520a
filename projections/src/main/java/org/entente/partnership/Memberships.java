package org.entente.partnership;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.entente.When;
import org.entente.core.Actor;
import org.entente.core.internal.Require;

/**
 * An organisation's members, or a country's memberships, on a date, for showing: what
 * {@code Entente.members} or {@code Entente.memberships} answered, with a text table and JSON.
 *
 * <pre>{@code
 * Organisation ecowas = Organisation.of("ECOWAS");
 * When when = When.asOf(LocalDate.of(2024, 8, 1));
 * System.out.print(Memberships.of(ecowas, when.date(), entente.members(ecowas, when)).toText(when));
 * }</pre>
 *
 * @param subject the organisation whose members, or the country whose memberships, these are
 * @param date    the date they are given for
 * @param entries each a country–organisation partnership, with its {@link Partnership#membership()}
 */
public record Memberships(Actor subject, LocalDate date, List<Partnership> entries) {

    /** The {@code format} of {@link #toJson(When)}: {@value}. Fields may be added within a version, never removed. */
    public static final String JSON_FORMAT = "entente-memberships/1";

    /**
     * Checks the components.
     *
     * @param subject the organisation or country
     * @param date    the date
     * @param entries the partnerships, copied
     */
    public Memberships {
        Require.nonNull(subject, "subject", "an Organisation such as Organisation.of(\"ECOWAS\") or a Country such as Country.of(\"NER\")");
        Require.nonNull(date, "date", "a LocalDate such as LocalDate.of(2024, 8, 1)");
        entries = List.copyOf(Require.nonNull(entries, "entries", "a list, empty for none"));
    }

    /**
     * {@return the memberships, for showing}
     *
     * @param subject the organisation or country
     * @param date    the date
     * @param entries what {@code Entente.members} or {@code Entente.memberships} answered
     */
    public static Memberships of(Actor subject, LocalDate date, List<Partnership> entries) {
        return new Memberships(subject, date, entries);
    }

    /**
     * A heading, then one row per member or organisation: its membership (status, joined, suspended since,
     * leaving or left on), the partnership's status and its last fact.
     *
     * <pre>
     * Economic Community of West African States (ORG:ECOWAS) on 2024-08-01: 15 members
     *
     * MEMBER         MEMBERSHIP                                                                    STATUS  LAST FACT
     * NER Niger      WITHDRAWING (joined 1975-05-28; suspended since 2023-12-10; leaving on 2025-01-29)  ...
     * </pre>
     *
     * @param when the query, whose recording-time and publication limits the heading names
     * @return the text, each line ending with a line feed
     */
    public String toText(When when) {
        return org.entente.internal.TextRendering.memberships(this, Optional.of(Require.nonNull(when, "when", "a When such as When.asOf(LocalDate.of(2024, 8, 1))")));
    }

    /**
     * As JSON: {@code format} ({@value #JSON_FORMAT}), {@code subject}, {@code date}, then {@code entries}, each a
     * partnership as {@link Partnership#toJson()} writes it (with its {@code membership}), and the query's
     * {@code knownAt} and {@code publishedBy} when it has them.
     *
     * @param when the query
     * @return indented JSON
     */
    public String toJson(When when) {
        return org.entente.internal.JsonRendering.write(org.entente.internal.JsonRendering.memberships(JSON_FORMAT, this,
                Optional.of(Require.nonNull(when, "when", "a When such as When.asOf(LocalDate.of(2024, 8, 1))"))));
    }
}
