package org.entente.simulation;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.entente.core.Actor;
import org.entente.core.Country;
import org.entente.core.internal.Require;
import org.entente.partnership.Portfolio;
import org.entente.partnership.Status;

/**
 * A country's portfolio on a date in real history (the baseline) and in a branch, with what differs.
 *
 * @param country  the country whose portfolios are compared
 * @param date     the day both portfolios are given for
 * @param baseline the portfolio in real history
 * @param branch   the portfolio in the branch
 * @param partners every partner whose status or security weight differs
 */
public record PortfolioComparison(Actor country, LocalDate date, Portfolio baseline, Portfolio branch,
                                  List<PartnerChange> partners) {

    /**
     * Creates the record, checking its components.
     *
     * @param country the country whose portfolios are compared
     * @param date the day both portfolios are given for
     * @param baseline the portfolio in real history
     * @param branch the portfolio in the branch
     * @param partners every partner whose status or security weight differs
     */
    public PortfolioComparison {
        Require.nonNull(country, "country", "a Actor such as Country.of(\"NER\")");
        Require.nonNull(date, "date", "a LocalDate such as LocalDate.of(2024, 4, 30)");
        Require.nonNull(baseline, "baseline", "the portfolio in real history");
        Require.nonNull(branch, "branch", "the portfolio in the branch");
        partners = List.copyOf(Require.nonNull(partners, "partners", "a list, empty for none"));
    }

    /**
     * One partner that differs.
     *
     * @param partner      the other country
     * @param statusBefore its status in real history
     * @param statusAfter  its status in the branch
     * @param weightBefore its security weight in real history (0 to 4)
     * @param weightAfter  its security weight in the branch
     */
    public record PartnerChange(Actor partner, Status statusBefore, Status statusAfter, int weightBefore, int weightAfter) {
        /**
         * Checks the components.
         *
         * @param partner      the other country
         * @param statusBefore its status in real history
         * @param statusAfter  its status in the branch
         * @param weightBefore its security weight in real history (0 to 4)
         * @param weightAfter  its security weight in the branch
         */
        public PartnerChange {
            Require.nonNull(partner, "partner", "the other country, such as Country.of(\"USA\")");
            Require.nonNull(statusBefore, "status before", "its Status in real history (NONE when it had no partnership)");
            Require.nonNull(statusAfter, "status after", "its Status in the branch (NONE when it has no partnership)");
        }
    }

    /** {@return the diversification in real history, if the country has security partners there} */
    public Optional<Double> diversificationBefore() {
        return baseline.mix().map(Portfolio.SecurityMix::diversification);
    }

    /** {@return the diversification in the branch} */
    public Optional<Double> diversificationAfter() {
        return branch.mix().map(Portfolio.SecurityMix::diversification);
    }

    /** {@return whether nothing differs} */
    public boolean isEmpty() {
        return partners.isEmpty() && diversificationBefore().equals(diversificationAfter());
    }

    /** {@return a readable account, one line per difference} */
    public String toText() {
        StringBuilder s = new StringBuilder(country.name()).append(" (").append(country.code()).append(") on ").append(date)
                .append(", real history -> branch:\n");
        if (partners.isEmpty()) {
            s.append("  no partner differs\n");
        }
        for (PartnerChange c : partners) {
            s.append("  ").append(c.partner().code()).append(' ').append(c.partner().name()).append(": ");
            s.append(c.statusBefore() == c.statusAfter() ? "status " + c.statusAfter() : "status " + c.statusBefore() + " -> " + c.statusAfter());
            if (c.weightBefore() != c.weightAfter()) {
                s.append(", security weight ").append(c.weightBefore()).append(" -> ").append(c.weightAfter());
            }
            s.append('\n');
        }
        s.append("  diversification ").append(format(diversificationBefore())).append(" -> ").append(format(diversificationAfter()))
                .append(", effective number of partners ").append(format(baseline.mix().map(Portfolio.SecurityMix::effectiveNumberOfPartners)))
                .append(" -> ").append(format(branch.mix().map(Portfolio.SecurityMix::effectiveNumberOfPartners))).append('\n');
        return s.toString();
    }

    /**
     * One short line: {@code NER on 2024-10-01, real history -> branch: 1 partner differs (USA ENDED -> ACTIVE), diversification 0.63 -> 0.72}.
     */
    @Override
    public String toString() {
        return country.code() + " on " + date + ", real history -> branch: "
                + (partners.isEmpty() ? "no partner differs" : partners.size() + (partners.size() == 1 ? " partner differs" : " partners differ")
                + partners.stream().map(c -> c.partner().code() + " " + (c.statusBefore() == c.statusAfter() ? c.statusAfter().name()
                        : c.statusBefore() + " -> " + c.statusAfter()) + (c.weightBefore() == c.weightAfter() ? ""
                        : " weight " + c.weightBefore() + " -> " + c.weightAfter()))
                        .collect(java.util.stream.Collectors.joining(", ", " (", ")")))
                + ", diversification " + format(diversificationBefore()) + " -> " + format(diversificationAfter());
    }

    private static String format(Optional<Double> v) {
        return v.map(d -> String.format(Locale.ROOT, "%.2f", d)).orElse("none");
    }
}
