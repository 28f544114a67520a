package org.entente.seeds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.entente.core.Country;
import org.entente.core.Organisation;

/**
 * A seed's {@code organisations:} section: a list of {@code {acronym, name, cameo}} entries, each checked
 * and registered in this JVM ({@link Organisation#register}) as soon as the section is read, so that the
 * facts after it can name the organisations. Every problem is reported at the line and column of the
 * value concerned; an entry with a problem registers nothing.
 *
 * <p>The section is read before the facts because facts are converted as they are read: an actor must be
 * known by then. A section after the facts is refused (and registers nothing), with that reason.
 */
final class OrganisationSection {

    static final String FIELD = "organisations";
    static final List<String> FIELDS = List.of("acronym", "name", "cameo");
    static final Shape SHAPE = Shape.list(Shape.MAPPING_OF_SCALARS, Limits.MAX_LIST_ITEMS,
            "a seed registers at most " + Values.count(Limits.MAX_LIST_ITEMS) + " organisations");

    /** {@link Organisation}'s own limits, checked here first so that each problem points at its value. */
    private static final int MAX_NAME = 200;
    private static final Pattern CAMEO_ACTOR = Pattern.compile("(?:[A-Z]{3})+");

    private final Problems problems;
    private final String file;
    private final List<SeedOrganisation> registered = new ArrayList<>();
    private final Map<String, Node> seen = new HashMap<>();

    OrganisationSection(Problems problems) {
        this.problems = problems;
        this.file = problems.file();
    }

    /** The organisations registered so far, in the order of the file. */
    List<SeedOrganisation> registered() {
        return List.copyOf(registered);
    }

    /**
     * Checks the section's value and registers its valid entries.
     *
     * @param register false to check only (a section misplaced after the facts): nothing is registered
     */
    void read(Node value, boolean register) {
        if (value instanceof Node.Invalid || value instanceof Node.Scalar s && s.isNull()) {
            return; // reported already, or no value: no organisations
        }
        if (!(value instanceof Node.Sequence list)) {
            problem(value, FIELD, "expected a list of organisations such as [{acronym: LGA, name: Liptako-Gourma"
                    + " Authority}], found " + Values.describe(value));
            return;
        }
        for (int i = 0; i < list.items().size(); i++) {
            entry(list.items().get(i), FIELD + "[" + i + "]", register);
        }
    }

    private void entry(Node item, String path, boolean register) {
        if (item instanceof Node.Invalid) {
            return;
        }
        if (!(item instanceof Node.Mapping map)) {
            problem(item, path, "an organisation is a mapping with " + String.join(", ", FIELDS) + " (cameo optional),"
                    + " such as {acronym: LGA, name: Liptako-Gourma Authority}; found " + Values.describe(item));
            return;
        }
        int before = problems.count();
        for (Node.Entry e : map.entries().values()) {
            if (!FIELDS.contains(e.key())) {
                problems.add(e.line(), e.column(), Optional.empty(), path + "." + e.key(), "unknown field "
                        + Values.quote(e.key()) + " for an organisation" + FactSchema.hint(e.key(), FIELDS, false)
                        + "; accepted: " + String.join(", ", FIELDS));
            }
        }
        Optional<Node.Scalar> acronym = text(map, "acronym", path, true, "an acronym of 2 to 12 characters, A-Z and 0-9,"
                + " starting with a letter, such as LGA");
        Optional<Node.Scalar> name = text(map, "name", path, true, "the organisation's English name, such as"
                + " Liptako-Gourma Authority");
        Optional<Node.Scalar> cameo = text(map, "cameo", path, false, "a CAMEO actor code, three-letter codes run together"
                + " such as IGOLGA");
        name.ifPresent(n -> {
            if (n.text().strip().length() > MAX_NAME) {
                problem(n, path + ".name", "the name has " + n.text().strip().length() + " characters; at most " + MAX_NAME
                        + " are accepted");
            }
        });
        cameo.ifPresent(c -> {
            if (!CAMEO_ACTOR.matcher(c.text().strip().toUpperCase(Locale.ROOT)).matches()) {
                problem(c, path + ".cameo", Values.quote(c.text()) + " is not a CAMEO actor code; expected three-letter"
                        + " codes run together, such as IGOLGA, or no cameo field");
            }
        });
        if (acronym.isEmpty() || name.isEmpty() || problems.count() > before) {
            return;
        }
        Node.Scalar a = acronym.get();
        String wanted = a.text().strip().toUpperCase(Locale.ROOT);
        wanted = wanted.startsWith(Organisation.CODE_PREFIX) ? wanted.substring(Organisation.CODE_PREFIX.length()) : wanted;
        Node first = seen.putIfAbsent(wanted, a);
        if (first != null) {
            problem(a, path + ".acronym", "organisation " + Values.quote(wanted) + " is listed twice; the entry at line "
                    + first.line() + " registers it already");
            return;
        }
        if (Country.isValid(wanted)) {
            // Organisation.register says so too; said here without registering anything.
            problem(a, path + ".acronym", wanted + " is a country's ISO 3166-1 alpha-3 code (" + Country.of(wanted).name()
                    + "); an organisation's acronym cannot be one");
            return;
        }
        if (!register) {
            return;
        }
        try {
            Organisation o = cameo.isPresent()
                    ? Organisation.register(a.text(), name.get().text(), cameo.get().text())
                    : Organisation.register(a.text(), name.get().text());
            registered.add(new SeedOrganisation(o, new SeedLocation(file, map.line(), map.column())));
        } catch (IllegalArgumentException e) {
            // What is left is about the acronym: its form, a bundled one, or a registration under another name.
            problem(a, path + ".acronym", e.getMessage() + (Organisation.isValid(wanted) && Organisation.of(wanted).isBundled()
                    ? "; leave it out of 'organisations' and name it in facts as it is" : ""));
        }
    }

    /** A text field of an entry: present (when required), a scalar, not blank. */
    private Optional<Node.Scalar> text(Node.Mapping map, String field, String path, boolean required, String expected) {
        Node.Entry e = map.entries().get(field);
        if (e == null || e.value() instanceof Node.Scalar s && s.isNull()) {
            if (required) {
                problem(e == null ? map : e.value(), path + "." + field, "missing required field '" + field
                        + "' (every organisation has it): " + expected);
            }
            return Optional.empty();
        }
        if (e.value() instanceof Node.Invalid) {
            return Optional.empty();
        }
        if (!(e.value() instanceof Node.Scalar s)) {
            problem(e.value(), path + "." + field, "expected " + expected + ", found " + Values.describe(e.value()));
            return Optional.empty();
        }
        if (s.text().isBlank()) {
            problem(s, path + "." + field, "'" + field + "' is blank; expected " + expected);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    private void problem(Node at, String field, String message) {
        problems.add(at.line(), at.column(), Optional.empty(), field, message);
    }
}
