package org.entente.eventdata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.entente.core.CameoCode;

/**
 * Entente's table between PLOVER event types (with {@code mode} and {@code context}) and CAMEO codes,
 * used to import PLOVER lines and to export facts as PLOVER lines.
 *
 * <p>PLOVER to CAMEO: a mode listed below gives its code; otherwise the first context listed below for
 * the type gives its code; otherwise the type's base code. An unknown type is no code (the row is
 * skipped); an unknown mode or context falls back to the base code.
 *
 * <table>
 *   <caption>PLOVER event types and their CAMEO codes</caption>
 *   <tr><th>event</th><th>base</th><th>by mode</th><th>by context</th></tr>
 *   <tr><td>AGREE</td><td>030</td><td></td><td>economic 0311, military 0312, legal 0313, intelligence 0314, peacekeeping 0334</td></tr>
 *   <tr><td>CONSULT</td><td>040</td><td>phone 041, visit 042, host 043, third-party 044</td><td></td></tr>
 *   <tr><td>SUPPORT</td><td>050</td><td></td><td></td></tr>
 *   <tr><td>COOPERATE</td><td>060</td><td></td><td>economic 061, military 062, legal 063, intelligence 064</td></tr>
 *   <tr><td>AID</td><td>070</td><td></td><td>economic 071, military 072, humanitarian 073, peacekeeping 074, asylum 075</td></tr>
 *   <tr><td>CONCEDE</td><td>080</td><td></td><td></td></tr>
 *   <tr><td>RETREAT</td><td>084</td><td>release 0841, return 0842, ease 085, access 086, disarm 087, ceasefire 0871, withdraw 0874</td><td></td></tr>
 *   <tr><td>REQUEST</td><td>020</td><td></td><td></td></tr>
 *   <tr><td>ACCUSE</td><td>110</td><td>investigate 090</td><td></td></tr>
 *   <tr><td>REJECT</td><td>120</td><td></td><td></td></tr>
 *   <tr><td>THREATEN</td><td>130</td><td></td><td></td></tr>
 *   <tr><td>PROTEST</td><td>140</td><td>demo 141, hunger 142, boycott 143, strike 143, obstruct 144, riot 145</td><td></td></tr>
 *   <tr><td>MOBILIZE</td><td>150</td><td>police 153, troops 154</td><td></td></tr>
 *   <tr><td>SANCTION</td><td>160</td><td>withdraw 161, discontinue 162, expel 166</td><td>with discontinue: economic 1621, military 1622, humanitarian 1623</td></tr>
 *   <tr><td>COERCE</td><td>170</td><td>confiscate 171, restrict 172, arrest 173, deport 174, ban 1722, curfew 1723, martial-law 1724</td><td></td></tr>
 *   <tr><td>ASSAULT</td><td>180</td><td>abduct 181, beat 182, suicide-attack 1831, assassinate 186, firearms 193, heavy-weapons 194, aerial 195</td><td>military 190</td></tr>
 *   <tr><td>DEMAND (older PLOVER drafts)</td><td>100</td><td></td><td></td></tr>
 *   <tr><td>OTHER (Entente's export of CAMEO 01, public statements, which PLOVER does not code)</td><td>010</td><td></td><td></td></tr>
 * </table>
 *
 * <p>CAMEO to PLOVER: a code of the tables above gives its type, mode and context; any other code
 * its root's type: 01 OTHER, 02 REQUEST, 03 AGREE, 04 CONSULT, 05 SUPPORT, 06 COOPERATE, 07 AID,
 * 080–083 CONCEDE, 084–087 RETREAT, 09 ACCUSE (mode investigate), 10 REQUEST (PLOVER folds demands into
 * requests), 11 ACCUSE, 12 REJECT, 13 THREATEN, 14 PROTEST, 15 MOBILIZE, 16 SANCTION (163 sanctions
 * included), 17 COERCE, 18–20 ASSAULT. The translation loses detail, so Entente's export also writes the
 * exact CAMEO code ({@code cameo}), which its import prefers when present.
 *
 * <p>Informed by the Open Event Data Alliance's public CAMEO-to-PLOVER conversion table
 * (openeventdata/PLOVER, {@code CAMEO2PLOVER-2021.txt}); this table is Entente's own choice where they
 * differ (0874 is RETREAT/withdraw, forces leaving; 163 is SANCTION).
 */
public final class PloverMapping {

    /** The PLOVER event types Entente reads, in PLOVER's order, then the extras. */
    public static final List<String> EVENT_TYPES = List.of("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID",
            "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
            "DEMAND", "OTHER");

    private static final Map<String, String> BASE = Map.ofEntries(
            Map.entry("AGREE", "030"), Map.entry("CONSULT", "040"), Map.entry("SUPPORT", "050"), Map.entry("CONCEDE", "080"),
            Map.entry("COOPERATE", "060"), Map.entry("AID", "070"), Map.entry("RETREAT", "084"), Map.entry("REQUEST", "020"),
            Map.entry("ACCUSE", "110"), Map.entry("REJECT", "120"), Map.entry("THREATEN", "130"), Map.entry("PROTEST", "140"),
            Map.entry("SANCTION", "160"), Map.entry("MOBILIZE", "150"), Map.entry("COERCE", "170"), Map.entry("ASSAULT", "180"),
            Map.entry("DEMAND", "100"), Map.entry("OTHER", "010"));

    private static final Map<String, Map<String, String>> BY_MODE = Map.of(
            "CONSULT", ordered("phone", "041", "visit", "042", "host", "043", "third-party", "044"),
            "RETREAT", ordered("release", "0841", "return", "0842", "ease", "085", "access", "086", "disarm", "087",
                    "ceasefire", "0871", "withdraw", "0874"),
            "ACCUSE", ordered("investigate", "090"),
            "PROTEST", ordered("demo", "141", "hunger", "142", "boycott", "143", "strike", "143", "obstruct", "144", "riot", "145"),
            "MOBILIZE", ordered("police", "153", "troops", "154"),
            "SANCTION", ordered("withdraw", "161", "discontinue", "162", "expel", "166"),
            "COERCE", ordered("confiscate", "171", "restrict", "172", "arrest", "173", "deport", "174", "ban", "1722",
                    "curfew", "1723", "martial-law", "1724"),
            "ASSAULT", ordered("abduct", "181", "beat", "182", "suicide-attack", "1831", "assassinate", "186", "firearms", "193",
                    "heavy-weapons", "194", "aerial", "195"));

    private static final Map<String, Map<String, String>> BY_CONTEXT = Map.of(
            "AGREE", ordered("economic", "0311", "military", "0312", "legal", "0313", "intelligence", "0314", "peacekeeping", "0334"),
            "COOPERATE", ordered("economic", "061", "military", "062", "legal", "063", "intelligence", "064"),
            "AID", ordered("economic", "071", "military", "072", "humanitarian", "073", "peacekeeping", "074", "asylum", "075"),
            "ASSAULT", ordered("military", "190"));

    /** SANCTION's contexts apply with the mode "discontinue" only (stopping assistance). */
    private static final Map<String, String> DISCONTINUE_CONTEXT = ordered("economic", "1621", "military", "1622",
            "humanitarian", "1623");

    /** For export: each CAMEO code of the tables, with the first (type, mode, context) that gives it. */
    private static final Map<String, PloverEvent> BACK = back();

    private PloverMapping() {
    }

    /**
     * A PLOVER event as Entente writes it.
     *
     * @param event   the PLOVER event type, such as {@code CONSULT}
     * @param mode    the mode, or empty text
     * @param context the contexts, possibly none
     */
    public record PloverEvent(String event, String mode, List<String> context) {
        /**
         * Creates the record, checking its components.
         *
         * @param event the PLOVER event type, such as {@code CONSULT}
         * @param mode the mode, or empty text
         * @param context the contexts, possibly none
         */
        public PloverEvent {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(mode, "mode");
            context = List.copyOf(context);
        }
    }

    /**
     * {@return the CAMEO code of a PLOVER event; empty when the type is not one Entente reads}
     *
     * <pre>{@code
     * PloverMapping.toCameo("CONSULT", "visit", List.of());          // 042
     * PloverMapping.toCameo("COOPERATE", "", List.of("military"));    // 062
     * }</pre>
     *
     * @param event the PLOVER event type, such as {@code "CONSULT"}, any case
     * @param mode the PLOVER mode, such as {@code "visit"}, any case; {@code ""} for none
     * @param context the PLOVER context values, such as {@code "military"}, any case; when the mode maps to nothing, the first context that maps decides
     */
    public static Optional<CameoCode> toCameo(String event, String mode, List<String> context) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(context, "context");
        String type = event.strip().toUpperCase(Locale.ROOT);
        String base = BASE.get(type);
        if (base == null) {
            return Optional.empty();
        }
        String m = mode.strip().toLowerCase(Locale.ROOT);
        if (type.equals("SANCTION") && m.equals("discontinue")) {
            for (String c : context) {
                String code = DISCONTINUE_CONTEXT.get(c.strip().toLowerCase(Locale.ROOT));
                if (code != null) {
                    return Optional.of(CameoCode.of(code));
                }
            }
        }
        String byMode = BY_MODE.getOrDefault(type, Map.of()).get(m);
        if (byMode != null) {
            return Optional.of(CameoCode.of(byMode));
        }
        Map<String, String> contexts = BY_CONTEXT.getOrDefault(type, Map.of());
        for (String c : context) {
            String code = contexts.get(c.strip().toLowerCase(Locale.ROOT));
            if (code != null) {
                return Optional.of(CameoCode.of(code));
            }
        }
        return Optional.of(CameoCode.of(base));
    }

    /**
     * {@return the PLOVER event of a CAMEO code}
     *
     * <pre>{@code
     * PloverMapping.fromCameo(CameoCode.of("0874"));   // RETREAT, withdraw
     * PloverMapping.fromCameo(CameoCode.of("163"));    // SANCTION
     * }</pre>
     *
     * @param code any valid CAMEO code; codes without an exact PLOVER match map by their root
     */
    public static PloverEvent fromCameo(CameoCode code) {
        Objects.requireNonNull(code, "code");
        PloverEvent exact = BACK.get(code.code());
        if (exact != null) {
            return exact;
        }
        String c = code.code();
        int root = Integer.parseInt(code.root());
        String type = switch (root) {
            case 1 -> "OTHER";
            case 2, 10 -> "REQUEST";
            case 3 -> "AGREE";
            case 4 -> "CONSULT";
            case 5 -> "SUPPORT";
            case 6 -> "COOPERATE";
            case 7 -> "AID";
            case 8 -> c.length() >= 3 && c.charAt(2) >= '4' ? "RETREAT" : "CONCEDE";
            case 9, 11 -> "ACCUSE";
            case 12 -> "REJECT";
            case 13 -> "THREATEN";
            case 14 -> "PROTEST";
            case 15 -> "MOBILIZE";
            case 16 -> "SANCTION";
            case 17 -> "COERCE";
            default -> "ASSAULT";
        };
        return new PloverEvent(type, root == 9 ? "investigate" : "", List.of());
    }

    private static Map<String, PloverEvent> back() {
        Map<String, PloverEvent> back = new LinkedHashMap<>();
        for (String type : EVENT_TYPES) {
            back.putIfAbsent(BASE.get(type), new PloverEvent(type, "", List.of()));
            BY_MODE.getOrDefault(type, Map.of()).forEach((mode, code) -> back.putIfAbsent(code, new PloverEvent(type, mode, List.of())));
            BY_CONTEXT.getOrDefault(type, Map.of()).forEach((ctx, code) -> back.putIfAbsent(code, new PloverEvent(type, "", List.of(ctx))));
        }
        DISCONTINUE_CONTEXT.forEach((ctx, code) -> back.putIfAbsent(code, new PloverEvent("SANCTION", "discontinue", List.of(ctx))));
        // DEMAND is read for older files but never written: demands are written as REQUEST with their CAMEO code.
        back.remove("100");
        return Collections.unmodifiableMap(back);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (!CameoCode.isValid(pairs[i + 1])) {
                throw new IllegalStateException("PloverMapping: " + pairs[i + 1] + " is not a CAMEO code");
            }
            m.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }

    /** The modes Entente knows for a type (for messages and tests). */
    static Set<String> modes(String type) {
        return BY_MODE.getOrDefault(type, Map.of()).keySet();
    }
}
