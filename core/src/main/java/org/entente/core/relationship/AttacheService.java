package org.entente.core.relationship;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.entente.core.internal.Require;
import org.entente.core.text.TerminalText;

/**
 * The service of a defence attaché: one of the four that seeds accept, or {@link #OTHER} for a value
 * of a store written when the service was free text.
 *
 * <p>Stored form: the attaché's event stores the service as lower-case text ({@code "defence"}), as
 * every Entente before this type did, so old and new stores have the same shape. On reading, a known
 * text (in any case) becomes its constant and any other text becomes {@code OTHER} with the text kept
 * in the fact's {@code otherService} (nothing stored is lost, and it is written back unchanged).
 *
 * <pre>{@code
 * Fact.id("tur-attache").on(2024, 4, 26).by(TUR).towards(NER).source(article)
 *         .appointAttache("Serkan Kaya").rank("Colonel").service(AttacheService.DEFENCE)
 * }</pre>
 */
public enum AttacheService {
    /** A defence attaché (all services; the default). */
    DEFENCE,
    /** An army attaché. */
    ARMY,
    /** A naval attaché. */
    NAVAL,
    /** An air attaché. */
    AIR,
    /** A service of a store written before this type: its text is the fact's {@code otherService}. */
    OTHER;

    /**
     * The stored and displayed text: {@code "defence"}, {@code "army"}, {@code "naval"}, {@code "air"}
     * ({@code "other"} for {@link #OTHER}, whose own text the fact carries).
     *
     * @return the lower-case name
     */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The service named by a text, in any case, as a user or a seed file gives it.
     *
     * @param text {@code "defence"}, {@code "army"}, {@code "naval"} or {@code "air"}
     * @return its service
     * @throws IllegalArgumentException naming the text and the accepted values
     */
    public static AttacheService of(String text) {
        Require.nonNull(text, "attaché's service", "one of " + accepted());
        return known(text).orElseThrow(() -> new IllegalArgumentException("'" + TerminalText.escape(String.valueOf(text))
                + "' is not an attaché's service; accepted: " + accepted()));
    }

    /**
     * The service named by a text, if it is one of the four (in any case); empty for any other text.
     *
     * @param text a service's text, may be null
     * @return its service, or empty
     */
    public static Optional<AttacheService> known(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s != OTHER && s.name().equals(key)).findFirst();
    }

    /**
     * The accepted texts, for messages.
     *
     * @return {@code "defence, army, naval, air"}
     */
    public static String accepted() {
        return Arrays.stream(values()).filter(s -> s != OTHER).map(AttacheService::text).collect(Collectors.joining(", "));
    }
}
