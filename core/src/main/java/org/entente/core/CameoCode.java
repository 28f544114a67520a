package org.entente.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.entente.core.internal.Require;
import org.entente.core.text.TerminalText;

/**
 * A CAMEO event code (CAMEO 1.1b3, as GDELT and ICEWS use it), with its name and Goldstein value.
 *
 * <p>Codes are checked against the CAMEO event-code table and scored from the Goldstein table that
 * GDELT publishes (both bundled, with their provenance in {@code CAMEO-PROVENANCE.md}). Codes are
 * two to four digits: {@code "04"} (consult, root), {@code "042"} (make a visit), {@code "0874"}.
 *
 * <pre>{@code
 * CameoCode visit = CameoCode.of("042");
 * visit.goldstein();   // 1.9
 * visit.quadClass();   // 1 (verbal cooperation)
 * }</pre>
 */
public record CameoCode(String code) {

    private static final Map<String, String> NAMES = load("cameo-event-codes.tsv");
    private static final Map<String, String> GOLDSTEIN = load("cameo-goldstein-scale.tsv");

    /**
     * Validates the code against the CAMEO table.
     *
     * @param code a code of the CAMEO 1.1b3 table: two to four digits, leading zero kept, such as {@code "042"}
     */
    public CameoCode {
        Require.nonNull(code, "CAMEO code", "a code of the CAMEO 1.1b3 table such as CameoCode.of(\"040\")");
        if (!code.matches("[0-9]{2,4}") || !NAMES.containsKey(code) || !GOLDSTEIN.containsKey(code)) {
            String shown = code.length() > 12 ? code.substring(0, 12) + "..." : code;
            throw new IllegalArgumentException("'" + TerminalText.escape(shown) + "' is not a CAMEO event code; expected a code of the CAMEO 1.1b3 table,"
                    + " two to four digits such as 040 (Consult) or 0874 (Retreat or surrender militarily)");
        }
    }

    /**
     * {@return the code, validated}
     *
     * @param code a code of the CAMEO 1.1b3 table: two to four digits, leading zero kept, such as {@code "042"}
     */
    public static CameoCode of(String code) {
        return new CameoCode(code);
    }

    /**
     * {@return whether {@link #of(String)} would accept the code}
     *
     * @param code any text, null included (null and codes outside the table give false)
     */
    public static boolean isValid(String code) {
        return code != null && NAMES.containsKey(code) && GOLDSTEIN.containsKey(code);
    }

    /** {@return the CAMEO name, for example {@code "Make a visit"}} */
    public String name() {
        return NAMES.get(code);
    }

    /** {@return the Goldstein score, from −10 (most conflictual) to +10 (most cooperative)} */
    public double goldstein() {
        return Double.parseDouble(GOLDSTEIN.get(code));
    }

    /** {@return the root code: the first two digits ({@code "04"} for {@code "042"})} */
    public String root() {
        return code.substring(0, 2);
    }

    /**
     * GDELT's QuadClass: 1 verbal cooperation (roots 01–05), 2 material cooperation (06–09),
     * 3 verbal conflict (10–14), 4 material conflict (15–20).
     *
     * @return the QuadClass, 1 to 4
     */
    public int quadClass() {
        int root = Integer.parseInt(root());
        if (root <= 5) {
            return 1;
        }
        if (root <= 9) {
            return 2;
        }
        return root <= 14 ? 3 : 4;
    }

    @Override
    public String toString() {
        return code;
    }

    private static Map<String, String> load(String resource) {
        Map<String, String> table = new HashMap<>();
        try (InputStream in = CameoCode.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath of entente-core");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // header
            String line;
            while ((line = reader.readLine()) != null) {
                String[] cells = line.split("\t", -1);
                if (cells.length >= 2 && cells[0].length() >= 2) {
                    table.put(cells[0].strip(), cells[1].strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(table);
    }
}
