package org.entente.eventdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Every row of a file that was not imported, with its line number and reason, in line order.
 *
 * <pre>{@code
 * report.skips().countsByReason();  // {MISSING_COUNTRY=..., SAME_COUNTRY=..., ...}
 * report.skips().writeTsv(writer);   // line, id, reason, detail
 * }</pre>
 */
public final class SkipReport {

    private final List<Skip> skips;

    private SkipReport(List<Skip> skips) {
        this.skips = List.copyOf(skips.stream().sorted(Comparator.comparingInt(Skip::line)).toList());
    }

    /**
     * {@return a report of these skips (sorted by line)}
     *
     * @param skips the skipped rows, in any order; empty when every row was usable
     */
    public static SkipReport of(List<Skip> skips) {
        return new SkipReport(Objects.requireNonNull(skips, "skips"));
    }

    /** {@return every skip, in line order} */
    public List<Skip> all() {
        return skips;
    }

    /** {@return how many rows were skipped} */
    public int size() {
        return skips.size();
    }

    /** {@return whether every row was imported} */
    public boolean isEmpty() {
        return skips.isEmpty();
    }

    /**
     * {@return the skips of one reason, in line order}
     *
     * @param reason why rows were skipped
     */
    public List<Skip> of(SkipReason reason) {
        return skips.stream().filter(s -> s.reason() == reason).toList();
    }

    /** {@return how many rows each reason skipped; reasons that skipped nothing are left out} */
    public Map<SkipReason, Integer> countsByReason() {
        Map<SkipReason, Integer> counts = new EnumMap<>(SkipReason.class);
        for (Skip s : skips) {
            counts.merge(s.reason(), 1, Integer::sum);
        }
        return Collections.unmodifiableMap(counts);
    }

    /** {@return one line: {@code "12 rows skipped: 5 same country, 7 missing country"}} */
    public String summary() {
        if (skips.isEmpty()) {
            return "no row skipped";
        }
        return skips.size() + (skips.size() == 1 ? " row" : " rows") + " skipped: " + countsByReason().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().label())
                .collect(Collectors.joining(", "));
    }

    /**
     * Writes the report as tab-separated lines with a header: line, id, reason, detail.
     *
     * @param out where to write
     */
    public void writeTsv(Writer out) {
        try {
            out.write("line\tid\treason\tdetail\n");
            for (Skip s : skips) {
                out.write(s.line() + "\t" + Text.cell(s.rowId()) + "\t" + s.reason().name() + "\t" + Text.cell(s.detail()) + "\n");
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return summary();
    }
}
