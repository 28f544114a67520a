package org.entente.report;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.entente.partnership.Status;

/**
 * The board on one day, from a report's spans: the rows {@code Portfolio} would list (every partner
 * with a status other than {@code NONE}, by status then name) and the security mix. The page's script
 * does the same in the browser when the slider moves ({@code report.js}, {@code rows} and {@code mix}).
 */
final class Board {

    private Board() {
    }

    /**
     * One partner on the day.
     *
     * @param lane        the partner's lane
     * @param span        its span holding the day
     * @param temperature its temperature on the day
     */
    record Row(ReportData.Lane lane, ReportData.Span span, double temperature) {
    }

    /**
     * The security mix: the partners with a weight, heaviest first, and the concentration figures.
     *
     * @param partners        the security partners, heaviest first, then by name
     * @param total           their total weight
     * @param concentration   the Herfindahl index of the weight shares
     * @param diversification 1 − concentration
     * @param effective       1 / concentration
     */
    record Mix(List<Row> partners, int total, double concentration, double diversification, double effective) {
    }

    static List<Row> rows(ReportData data, LocalDate day) {
        return data.lanes.stream()
                .map(l -> {
                    ReportData.Span s = l.at(day);
                    return new Row(l, s, s.temperatureOn(day));
                })
                .filter(r -> r.span().status() != Status.NONE)
                .sorted(Comparator.comparing((Row r) -> r.span().status()).thenComparing(r -> r.lane().partner().name()))
                .toList();
    }

    static Optional<Mix> mix(List<Row> rows) {
        List<Row> security = rows.stream().filter(r -> r.span().weight() > 0)
                .sorted(Comparator.comparingInt((Row r) -> r.span().weight()).reversed().thenComparing(r -> r.lane().partner().name()))
                .toList();
        int total = security.stream().mapToInt(r -> r.span().weight()).sum();
        if (total == 0) {
            return Optional.empty();
        }
        double hhi = 0;
        for (Row r : security) {
            double share = r.span().weight() / (double) total;
            hhi += share * share;
        }
        return Optional.of(new Mix(security, total, hhi, 1 - hhi, 1 / hhi));
    }
}
