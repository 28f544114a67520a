package org.entente.seeds;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.entente.core.FactId;

/**
 * Reads one seed file, or one scenario file: bytes to text (UTF-8), text to tokens (Jackson's JSON or
 * YAML streaming parser), tokens to the header and to facts one at a time (each fact is converted as
 * soon as it is read, so memory holds the commands, not a tree of the file), and for a scenario the
 * fact ids of its {@code remove} list. Not thread-safe: one per file.
 */
final class SeedParser {

    private final Limits limits;
    private final YAMLFactory yamlFactory;
    private final JsonFactory jsonFactory;
    private final String file;
    private final boolean scenario;
    /** "seed" or "scenario", for messages. */
    private final String what;
    private final String expectedFormat;
    private final List<String> headerFields;
    private final Problems problems;
    private final FactConverter converter;
    private final OrganisationSection organisations;
    private final List<SeedFact> facts = new ArrayList<>();
    private final List<ScenarioFile.Removal> removals = new ArrayList<>();
    /** The field path of each removal, such as {@code remove[2]}, in the order of {@link #removals}. */
    private final List<String> removalPaths = new ArrayList<>();
    private final Map<FactId, Node> removed = new HashMap<>();
    private Node format;
    private Node title;
    private Node description;
    private boolean factsSeen;
    /** The line of the header's {@code organisations} key, once seen; 0 before. */
    private int organisationsLine;
    /** The line of the header's {@code facts} key, once seen; 0 before. */
    private int factsLine;
    private boolean removeSeen;
    /** How many items the scenario's facts and remove lists hold, whether or not they are valid. */
    private int changes;
    /** Whether facts or remove has a value that is not a list (reported): the scenario is not empty, it is wrong. */
    private boolean wrongChanges;
    private SeedProblem unsupported;

    /**
     * A parser for one file.
     *
     * @param scenario whether the file is a scenario file ({@code entente-scenario/1}) rather than a seed
     */
    SeedParser(Limits limits, YAMLFactory yamlFactory, JsonFactory jsonFactory, String file, boolean scenario) {
        this.limits = limits;
        this.yamlFactory = yamlFactory;
        this.jsonFactory = jsonFactory;
        this.file = file;
        this.scenario = scenario;
        this.what = scenario ? "scenario" : "seed";
        this.expectedFormat = scenario ? SeedReader.SCENARIO_FORMAT : SeedReader.FORMAT;
        this.headerFields = scenario ? FactSchema.SCENARIO_HEADER_FIELDS : FactSchema.HEADER_FIELDS;
        this.problems = new Problems(file, limits.maxProblems());
        this.converter = new FactConverter(problems, scenario);
        this.organisations = new OrganisationSection(problems);
    }

    /** A problem about the whole file, for a file too large to read. */
    static SeedFormatException tooLarge(String file, String size, long max) {
        return new SeedFormatException(file, List.of(new SeedProblem(file, 0, 0, Optional.empty(), "", "the file has "
                + size + " bytes; at most " + Values.count(max) + " are accepted (SeedReader.Builder.maxFileSize)")));
    }

    /** The seed; for a parser made for a seed. */
    Seed parse(byte[] bytes) {
        if (scenario) {
            throw new IllegalStateException("this parser reads a scenario file");
        }
        run(bytes);
        return new Seed(file, readHeader(), facts, organisations.registered());
    }

    /** The scenario file; for a parser made for a scenario. */
    ScenarioFile parseScenario(byte[] bytes) {
        if (!scenario) {
            throw new IllegalStateException("this parser reads a seed file");
        }
        run(bytes);
        return new ScenarioFile(file, readHeader(), facts, removals);
    }

    /** Reads the file, throwing every problem found. */
    private void run(byte[] bytes) {
        try {
            String text = decode(bytes);
            boolean json = isJson(text);
            if (!json) {
                checkLines(text);
            }
            read(text, json);
            header();
            if (scenario) {
                crossCheck();
            }
        } catch (Problems.Abort stop) {
            // The problem that stopped reading is recorded.
        }
        if (unsupported != null) {
            throw new SeedFormatException(file, List.of(unsupported));
        }
        if (problems.count() > 0) {
            throw new SeedFormatException(file, problems.list());
        }
    }

    private SeedHeader readHeader() {
        return new SeedHeader(expectedFormat, text(title).orElseThrow(), text(description));
    }

    // ------------------------------------------------------------------------------------ text

    private String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = 1;
            for (int i = lineStart; i < at; i++) {
                column += (bytes[i] & 0xC0) == 0x80 ? 0 : 1;
            }
            throw problems.fatal(line, column, "", String.format("the file is not UTF-8: byte 0x%02X cannot be here;"
                    + " save the file as UTF-8", bytes[at] & 0xFF));
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** JSON when the name ends with {@code .json} or the first non-blank character is '{'. */
    private boolean isJson(String text) {
        if (file.toLowerCase(Locale.ROOT).endsWith(".json")) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{';
            }
        }
        return false;
    }

    /** See {@link Limits#maxLineLength()}. */
    private void checkLines(String text) {
        int max = limits.maxLineLength();
        int line = 1;
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                line += c == '\n' ? 1 : 0;
                length = 0;
            } else if (++length > max) {
                throw problems.fatal(line, max + 1, "", "line " + line + " is longer than " + Values.count(max)
                        + " characters; YAML lines are limited to twice SeedReader.Builder.maxStringLength plus 1,024,"
                        + " because very long lines make the YAML scanner slow: write a long text over several lines"
                        + " (a block scalar, |), or use JSON");
            }
        }
    }

    // ---------------------------------------------------------------------------------- tokens

    private void read(String text, boolean json) {
        try (JsonParser parser = json ? jsonFactory.createParser(text) : yamlFactory.createParser(new StringReader(text))) {
            root(new Cursor(parser, limits, problems));
        } catch (JsonProcessingException e) {
            syntax(e, json);
        } catch (IOException e) {
            // Reading from a string does no I/O; Jackson declares it anyway.
            throw new UncheckedIOException(e);
        }
    }

    private void syntax(JsonProcessingException e, boolean json) {
        int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
        int column = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getColumnNr());
        String message = e.getOriginalMessage();
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked) {
            message = marked.getProblem() == null ? message : marked.getProblem();
            if (marked.getContext() != null) {
                message += " (" + marked.getContext()
                        + (marked.getContextMark() == null ? "" : " that starts at line " + (marked.getContextMark().getLine() + 1)
                        + ", column " + (marked.getContextMark().getColumn() + 1)) + ")";
            }
            if (marked.getProblemMark() != null) {
                line = marked.getProblemMark().getLine() + 1;
                column = marked.getProblemMark().getColumn() + 1;
            }
        }
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            problems.fatal(line, column, "", "a limit of the parser was reached: " + message);
            return;
        }
        problems.fatal(line, column, "", (json ? "JSON" : "YAML") + " syntax error: " + message.strip());
    }

    private void root(Cursor cursor) throws IOException {
        JsonToken t = cursor.next();
        if (t == null) {
            throw problems.fatal(1, 1, "", "the file is empty; a " + what + " starts with 'format: " + expectedFormat + "'");
        }
        if (t != JsonToken.START_OBJECT) {
            throw problems.fatal(cursor.line(), cursor.column(), "", "a " + what + " file is a mapping with the fields "
                    + String.join(", ", headerFields) + "; found " + (t == JsonToken.START_ARRAY ? "a list" : "a single value"));
        }
        int rootLine = cursor.line();
        int rootColumn = cursor.column();
        while ((t = cursor.next()) == JsonToken.FIELD_NAME) {
            String key = cursor.name();
            int keyLine = cursor.line();
            int keyColumn = cursor.column();
            cursor.next();
            cursor.enter(key);
            switch (key) {
                case "format" -> format = headerValue(cursor, format, key, keyLine, keyColumn);
                case "title" -> title = headerValue(cursor, title, key, keyLine, keyColumn);
                case "description" -> description = headerValue(cursor, description, key, keyLine, keyColumn);
                case "facts" -> facts(cursor, keyLine, keyColumn);
                default -> {
                    if (scenario && key.equals(FactSchema.REMOVE)) {
                        removals(cursor, keyLine, keyColumn);
                        break;
                    }
                    if (!scenario && key.equals(OrganisationSection.FIELD)) {
                        organisations(cursor, keyLine, keyColumn);
                        break;
                    }
                    problems.add(keyLine, keyColumn, Optional.empty(), key, "unknown field " + Values.quote(key) + " in the header"
                            + (FactSchema.ALL_FIELDS.contains(key) ? "; it is a field of a fact"
                            : key.equals(FactSchema.REMOVE) ? "; it is a field of a scenario file (format: "
                            + SeedReader.SCENARIO_FORMAT + "), and a seed removes nothing"
                            : key.equals(OrganisationSection.FIELD) ? "; it is a field of a seed: a scenario registers no"
                            + " organisation, so register it in the store (Entente.registerOrganisation) or load a seed"
                            + " that registers it before the scenario is applied"
                            : FactSchema.hint(key, headerFields, false))
                            + "; accepted: " + String.join(", ", headerFields));
                    cursor.skip();
                }
            }
            cursor.leave();
        }
        t = cursor.next();
        if (t != null) {
            throw problems.fatal(cursor.line(), cursor.column(), "", "a " + what + " file holds one YAML document, and another"
                    + " one starts here; remove the '---' and what follows, or make it a file of its own");
        }
        if (format == null && unsupported == null) {
            problems.add(rootLine, rootColumn, Optional.empty(), "format", "missing required field 'format'; a " + what
                    + " starts with 'format: " + expectedFormat + "'");
        }
        if (scenario && changes == 0 && !wrongChanges) {
            problems.add(rootLine, rootColumn, Optional.empty(), "", "the scenario changes nothing: it has no facts and"
                    + " no removals; give hypothetical facts under 'facts', or the ids of real facts to leave out under"
                    + " 'remove' (such as 'remove: [usa-denounce]')");
        }
        if (!factsSeen && !scenario) {
            problems.add(rootLine, rootColumn, Optional.empty(), "facts", "missing required field 'facts': a list of"
                    + " facts; write 'facts: []' for a seed without facts");
        }
        if (title == null || title instanceof Node.Scalar s && s.isNull()) {
            problems.add(title == null ? rootLine : title.line(), title == null ? rootColumn : title.column(), Optional.empty(), "title", "missing required field 'title': a short title"
                    + " such as 'Niger and its security partners, 2023-2024'");
        }
    }

    private Node headerValue(Cursor cursor, Node already, String key, int keyLine, int keyColumn) throws IOException {
        if (already != null) {
            problems.add(keyLine, keyColumn, Optional.empty(), key, "field " + Values.quote(key) + " appears twice in the header"
                    + " (first at line " + already.line() + "); give each field once");
            cursor.skip();
            return already;
        }
        Node value = cursor.read(Shape.SCALAR);
        if (key.equals("format")) {
            checkFormat(value);
        }
        return value;
    }

    /** An unsupported format stops reading: the rest of the file may follow other rules. */
    private void checkFormat(Node value) {
        if (!(value instanceof Node.Scalar s) || s.isNull()) {
            if (!(value instanceof Node.Invalid)) {
                problems.add(value.line(), value.column(), Optional.empty(), "format", "expected '" + expectedFormat
                        + "', found " + Values.describe(value));
            }
            return;
        }
        String text = s.text().strip();
        if (text.equals(expectedFormat)) {
            return;
        }
        String seedFamily = "entente-seed/";
        String scenarioFamily = "entente-scenario/";
        String message;
        if (text.startsWith(scenario ? scenarioFamily : seedFamily)) {
            message = "unsupported format version " + Values.quote(text) + "; this reader accepts " + expectedFormat
                    + " only (the rest of the file was not checked)";
        } else if (scenario && text.startsWith(seedFamily)) {
            message = Values.quote(text) + " is the seed format, and this is read as a scenario, whose facts are"
                    + " hypothetical: a scenario file starts with 'format: " + SeedReader.SCENARIO_FORMAT + "'";
        } else if (!scenario && text.startsWith(scenarioFamily)) {
            message = Values.quote(text) + " is the scenario format, and this is read as a seed, whose facts are"
                    + " real: a scenario is read with SeedReader.readScenario (simulate --apply), a seed starts with"
                    + " 'format: " + SeedReader.FORMAT + "'";
        } else {
            message = Values.quote(text) + " is not a " + what + " format; this reader accepts " + expectedFormat;
        }
        unsupported = new SeedProblem(file, value.line(), value.column(), Optional.empty(), "format", message);
        throw new Problems.Abort();
    }

    /**
     * A seed's {@code organisations}: read and registered before the facts that name them. After the
     * facts it is refused, and registers nothing: the facts were converted already, without them.
     */
    private void organisations(Cursor cursor, int keyLine, int keyColumn) throws IOException {
        String field = OrganisationSection.FIELD;
        if (organisationsLine > 0) {
            problems.add(keyLine, keyColumn, Optional.empty(), field, "field '" + field + "' appears twice in the header"
                    + " (first at line " + organisationsLine + "); give each field once");
            cursor.skip();
            return;
        }
        organisationsLine = keyLine;
        boolean beforeFacts = factsLine == 0;
        if (!beforeFacts) {
            problems.add(keyLine, keyColumn, Optional.empty(), field, "'" + field + "' comes after 'facts' (line " + factsLine
                    + "); move it before 'facts': facts are read in order, and the organisations they name must be"
                    + " registered by then");
        }
        organisations.read(cursor.read(OrganisationSection.SHAPE), beforeFacts);
    }

    private void facts(Cursor cursor, int keyLine, int keyColumn) throws IOException {
        if (factsSeen) {
            problems.add(keyLine, keyColumn, Optional.empty(), "facts", "field 'facts' appears twice in the header;"
                    + " give each field once");
            cursor.skip();
            return;
        }
        factsSeen = true;
        factsLine = keyLine;
        JsonToken t = cursor.token();
        if (cursor.isNull()) {
            if (!scenario) {
                problems.add(cursor.line(), cursor.column(), Optional.empty(), "facts", "'facts' has no value; write"
                        + " 'facts: []' for a seed without facts");
            }
            // In a scenario, no value counts as absent: a scenario may only remove facts.
            return;
        }
        if (t != JsonToken.START_ARRAY || cursor.isAlias()) {
            problems.add(cursor.line(), cursor.column(), Optional.empty(), "facts", "expected a list of facts, found "
                    + (t == JsonToken.START_OBJECT ? "a mapping" : "a single value"));
            wrongChanges = true;
            cursor.skip();
            return;
        }
        cursor.leave();
        int index = 0;
        t = cursor.next();
        while (t != JsonToken.END_ARRAY) {
            if (t == null) {
                throw problems.fatal(cursor.line(), cursor.column(), "", "the file ends inside the list of facts");
            }
            if (index == limits.maxFacts()) {
                throw problems.fatal(cursor.line(), cursor.column(), "", "more than " + Values.count(limits.maxFacts())
                        + " facts; at most " + Values.count(limits.maxFacts())
                        + " are accepted in one file (SeedReader.Builder.maxFacts)");
            }
            int before = problems.count();
            Node fact = cursor.read(FactSchema.FACT);
            // A syntax error just after a fact may have cut it short: it is converted only once the
            // next token is read.
            t = cursor.next();
            converter.convert(fact, before).ifPresent(facts::add);
            index++;
            changes++;
        }
        cursor.enter("facts");
    }

    /** A scenario's {@code remove}: a list of fact ids, read one at a time. */
    private void removals(Cursor cursor, int keyLine, int keyColumn) throws IOException {
        String field = FactSchema.REMOVE;
        if (removeSeen) {
            problems.add(keyLine, keyColumn, Optional.empty(), field, "field '" + field + "' appears twice in the header;"
                    + " give each field once");
            cursor.skip();
            return;
        }
        removeSeen = true;
        JsonToken t = cursor.token();
        if (cursor.isNull()) {
            return; // no value counts as absent: a scenario may only add facts
        }
        if (t != JsonToken.START_ARRAY || cursor.isAlias()) {
            wrongChanges = true;
            int line = cursor.line();
            int column = cursor.column();
            String found;
            if (cursor.isAlias() || t == JsonToken.START_OBJECT) {
                found = cursor.isAlias() ? "an alias; write the list itself here" : "a mapping";
                cursor.skip();
            } else {
                Node value = cursor.read(Shape.SCALAR);
                if (value instanceof Node.Invalid) {
                    return;
                }
                found = Values.describe(value) + "; write a list, even of one id, such as [usa-denounce]";
            }
            problems.add(line, column, Optional.empty(), field, "expected a list of fact ids such as [usa-denounce], found "
                    + found);
            return;
        }
        int index = 0;
        t = cursor.next();
        while (t != JsonToken.END_ARRAY) {
            if (t == null) {
                throw problems.fatal(cursor.line(), cursor.column(), "", "the file ends inside the list of removals");
            }
            if (index == limits.maxFacts()) {
                throw problems.fatal(cursor.line(), cursor.column(), "", "more than " + Values.count(limits.maxFacts())
                        + " removals; at most " + Values.count(limits.maxFacts())
                        + " are accepted in one file (SeedReader.Builder.maxFacts)");
            }
            String path = field + "[" + index + "]";
            cursor.enter("[" + index + "]");
            Node item = cursor.read(Shape.SCALAR);
            cursor.leave();
            removal(item, path);
            index++;
            changes++;
            t = cursor.next();
        }
    }

    private void removal(Node item, String path) {
        if (item instanceof Node.Invalid) {
            return;
        }
        if (!(item instanceof Node.Scalar s) || s.isNull()) {
            problems.add(item.line(), item.column(), Optional.empty(), path, "expected the id of a real fact to leave"
                    + " out, such as usa-denounce, found " + Values.describe(item));
            return;
        }
        FactId id;
        try {
            id = FactId.of(s.text().strip());
        } catch (IllegalArgumentException e) {
            problems.add(item.line(), item.column(), Optional.empty(), path, e.getMessage());
            return;
        }
        Node first = removed.putIfAbsent(id, item);
        if (first != null) {
            problems.add(item.line(), item.column(), Optional.empty(), path, "duplicate removal '" + id + "'; the item at"
                    + " line " + first.line() + ", column " + first.column() + " removes it already");
            return;
        }
        removals.add(new ScenarioFile.Removal(id, new SeedLocation(file, item.line(), item.column())));
        removalPaths.add(path);
    }

    /** Checks between the facts and the removals of a scenario, once both are read. */
    private void crossCheck() {
        for (int i = 0; i < removals.size(); i++) {
            ScenarioFile.Removal r = removals.get(i);
            int line = converter.lineOf(r.id()).orElse(-1);
            if (line > 0) {
                problems.add(r.location().line(), r.location().column(), Optional.empty(), removalPaths.get(i), "'" + r.id()
                        + "' is removed and is the id of the hypothetical fact at line " + line + "; a removal names a"
                        + " real fact, and a hypothetical fact needs an id of its own");
            }
        }
    }

    // ---------------------------------------------------------------------------------- header

    private void header() {
        if (title != null && !(title instanceof Node.Scalar s && s.isNull())) {
            requiredText(title, "title");
        }
        if (description != null && !(description instanceof Node.Scalar s && s.isNull())) {
            requiredText(description, "description");
        }
    }

    private void requiredText(Node node, String field) {
        if (node instanceof Node.Invalid) {
            return;
        }
        if (!(node instanceof Node.Scalar s) || s.isNull()) {
            problems.add(node.line(), node.column(), Optional.empty(), field, "expected text, found " + Values.describe(node));
        } else if (s.text().isBlank()) {
            problems.add(node.line(), node.column(), Optional.empty(), field, "'" + field + "' is blank");
        }
    }

    private static Optional<String> text(Node node) {
        return node instanceof Node.Scalar s && !s.isNull() && !s.text().isBlank() ? Optional.of(s.text().strip()) : Optional.empty();
    }
}
