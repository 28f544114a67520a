package org.entente.core.relationship;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.entente.core.FactId;
import org.entente.core.Source;
import org.entente.core.text.ControlCharacters;
import org.entente.core.text.ControlCharacters.LineFeeds;
import org.entente.core.text.TerminalText;

/**
 * The limits on the free text and lists that facts carry, with messages that name the fact and the field.
 *
 * <p>Two levels: {@link #text} and {@link #list} hold for every fact, stored or new, and are what
 * events check; {@link #header}, {@link #line}, {@link #lines} and {@link #lineItems} add the
 * refusal of control characters ({@link ControlCharacters}) and are what commands check. Events do
 * not refuse control characters because an event is also what the store reads back, and a store
 * written before they were refused may hold some: its history must still load (output escapes them,
 * {@link TerminalText}).
 */
final class Texts {

    /** The longest text accepted in a fact's field. */
    static final int MAX_TEXT = 2000;
    /** The most items a fact's list may hold. */
    static final int MAX_ITEMS = 100;

    private Texts() {
    }

    static String text(FactHeader fact, String field, String value) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException("fact " + fact.id() + ": " + field + " is blank; leave it out or give a value");
        }
        if (value.length() > MAX_TEXT) {
            throw new IllegalArgumentException("fact " + fact.id() + ": " + field + " has " + value.length()
                    + " characters; at most " + MAX_TEXT + " are accepted");
        }
        return value;
    }

    static <T> List<T> list(FactHeader fact, String field, List<T> value) {
        List<T> copy = List.copyOf(Objects.requireNonNull(value, field));
        if (copy.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("fact " + fact.id() + ": " + field + " has " + copy.size()
                    + " items; at most " + MAX_ITEMS + " are accepted");
        }
        return copy;
    }

    /** New one-line text of a command: a name, a title, a place. */
    static String line(FactHeader fact, String field, String value) {
        return ControlCharacters.requireNone(text(fact, field, value), LineFeeds.REFUSED, Optional.of(fact.id()), field);
    }

    /** New multi-line text of a command: a description, where line feeds are accepted. */
    static String lines(FactHeader fact, String field, String value) {
        return ControlCharacters.requireNone(text(fact, field, value), LineFeeds.ACCEPTED, Optional.of(fact.id()), field);
    }

    /** Each item of a new list of one-line texts, named {@code field[i]} when refused. */
    static void lineItems(FactHeader fact, String field, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            line(fact, field + "[" + i + "]", values.get(i));
        }
    }

    /**
     * An attaché's service and its other text: the text is given exactly when the service is
     * {@code OTHER}, and is not the text of one of the four (that would be read back as that service).
     */
    static void service(FactHeader fact, AttacheService service, Optional<String> otherService,
                        java.util.function.Consumer<String> checkText) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(otherService, "otherService");
        if (service == AttacheService.OTHER) {
            String text = otherService.orElseThrow(() -> new IllegalArgumentException("fact " + fact.id()
                    + ": service OTHER needs its text in otherService; the known services are " + AttacheService.accepted()));
            checkText.accept(text);
            AttacheService.known(text).filter(k -> k.text().equals(text)).ifPresent(k -> {
                throw new IllegalArgumentException("fact " + fact.id() + ": other service '" + text + "' is the service "
                        + k + "; give AttacheService." + k + " instead of OTHER");
            });
        } else if (otherService.isPresent()) {
            throw new IllegalArgumentException("fact " + fact.id() + ": otherService '" + TerminalText.escape(otherService.get())
                    + "' is given with service " + service + "; it is only for service OTHER");
        }
    }

    /**
     * The header of a new command, whose sources hold no control character (a note may hold line
     * feeds): the sources were built before the fact, so this is where the fact can be named.
     */
    static FactHeader header(FactHeader fact) {
        Objects.requireNonNull(fact, "fact");
        List<Source> sources = fact.sources();
        for (int i = 0; i < sources.size(); i++) {
            Source s = sources.get(i);
            String at = "sources[" + i + "].";
            Optional<FactId> id = Optional.of(fact.id());
            s.publisher().ifPresent(v -> ControlCharacters.requireNone(v, LineFeeds.REFUSED, id, at + "publisher"));
            s.title().ifPresent(v -> ControlCharacters.requireNone(v, LineFeeds.REFUSED, id, at + "title"));
            s.address().ifPresent(v -> ControlCharacters.requireNone(v, LineFeeds.REFUSED, id, at + "address"));
            s.note().ifPresent(v -> ControlCharacters.requireNone(v, LineFeeds.ACCEPTED, id, at + "note"));
        }
        return fact;
    }
}
