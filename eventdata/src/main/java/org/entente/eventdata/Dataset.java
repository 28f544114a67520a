package org.entente.eventdata;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The coded event datasets Entente imports. Each gives imported facts ids with its own prefix, so
 * that ids never clash across datasets and re-importing a row finds its fact again:
 * {@code icews-32889836}, {@code gdelt-1193447408}, {@code plover-<id>}.
 */
public enum Dataset {
    /** ICEWS coded events: tab-separated with a header row, countries and organisations as names. */
    ICEWS("icews", "ICEWS"),
    /** GDELT 2.0 event export: 61 tab-separated columns, header optional, CAMEO country and known-group codes. */
    GDELT("gdelt", "GDELT 2.0"),
    /** PLOVER / POLECAT: one JSON object per line. */
    PLOVER("plover", "PLOVER");

    private final String prefix;
    private final String label;

    Dataset(String prefix, String label) {
        this.prefix = prefix;
        this.label = label;
    }

    /** {@return the fact-id prefix, without the dash: {@code "icews"}} */
    public String prefix() {
        return prefix;
    }

    /** {@return the dataset's name as people write it: {@code "GDELT 2.0"}} */
    public String label() {
        return label;
    }

    /**
     * {@return the fact id of a row: {@code "icews-" + rowId}}
     *
     * @param rowId the dataset's own id of the row, such as ICEWS's event id
     */
    public String factId(String rowId) {
        return prefix + "-" + rowId;
    }

    /**
     * {@return the dataset named {@code icews}, {@code gdelt} or {@code plover}, in any letter case}
     *
     * @param name {@code icews}, {@code gdelt} or {@code plover}, any letter case, blanks around ignored
     * @throws IllegalArgumentException listing the accepted names
     */
    public static Dataset of(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        for (Dataset d : values()) {
            if (d.prefix.equals(key)) {
                return d;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a dataset Entente imports; accepted: "
                + Arrays.stream(values()).map(Dataset::prefix).collect(Collectors.joining(", ")));
    }
}
