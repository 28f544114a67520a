package org.entente.seeds;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.entente.core.text.ControlCharacters;
import org.entente.core.text.ControlCharacters.LineFeeds;

/**
 * Walks Jackson's tokens and builds {@link Node}s as far as a {@link Shape} asks, enforcing the limits
 * as it goes: nesting depth, text length, alias expansion and the size of mappings and lists.
 *
 * <p>Aliases: every anchored value is remembered with its expanded size (the number of values it holds,
 * aliases inside it counted expanded), also when it is skipped; each alias adds that size to a running
 * total, so a "billion laughs" document is refused at the alias that crosses
 * {@link Limits#maxAliasExpansion()}, without expanding anything. An alias yields the anchored node
 * itself (shared, not copied).
 */
final class Cursor {

    private record Anchored(Node node, long size) {
    }

    private final JsonParser parser;
    private final AnchoringYamlFactory.Parser yaml;
    private final Limits limits;
    private final Problems problems;
    private final Map<String, Anchored> anchors = new HashMap<>();
    private final Set<String> open = new HashSet<>();
    private final List<String> path = new ArrayList<>();
    private long expansion;
    private int depth;
    /** The expanded size of the value last read or skipped. */
    private long size;

    Cursor(JsonParser parser, Limits limits, Problems problems) {
        this.parser = parser;
        this.yaml = parser instanceof AnchoringYamlFactory.Parser p ? p : null;
        this.limits = limits;
        this.problems = problems;
    }

    /** The next token, checking the nesting depth. */
    JsonToken next() throws IOException {
        JsonToken t = parser.nextToken();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            depth++;
            if (depth > limits.maxNestingDepth()) {
                throw problems.fatal(line(), column(), field(), "nesting deeper than " + limits.maxNestingDepth()
                        + " levels (SeedReader.Builder.maxNestingDepth); a seed nests 5 levels at most"
                        + " (file, facts, fact, sources, source)");
            }
        } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
            depth--;
        }
        return t;
    }

    JsonToken token() {
        return parser.currentToken();
    }

    int line() {
        return Math.max(0, parser.currentTokenLocation().getLineNr());
    }

    int column() {
        return Math.max(0, parser.currentTokenLocation().getColumnNr());
    }

    /** The name of the field whose key is the current token. */
    String name() throws IOException {
        return parser.currentName();
    }

    /** Whether the current token is a null: {@code ~}, {@code null}, or nothing at all in YAML. */
    boolean isNull() {
        return token() == JsonToken.VALUE_NULL
                || yaml != null && token() == JsonToken.VALUE_STRING && !yaml.isCurrentAlias() && yaml.isEmptyPlain();
    }

    /** Whether the current token is an alias ({@code *name}). */
    boolean isAlias() {
        return yaml != null && yaml.isCurrentAlias();
    }

    // ------------------------------------------------------------------------------------- path

    /** Where the cursor is, relative to the fact (or the header): {@code sources[0].kind}. */
    String field() {
        StringBuilder s = new StringBuilder();
        for (String segment : path) {
            if (!segment.startsWith("[") && s.length() > 0) {
                s.append('.');
            }
            s.append(segment);
        }
        return s.toString();
    }

    void enter(String segment) {
        path.add(segment.length() > 60 ? segment.substring(0, 60) + "..." : segment);
    }

    void leave() {
        path.remove(path.size() - 1);
    }

    // ------------------------------------------------------------------------------------- reading

    /** Reads the value at the current token, building as much of it as the shape asks for. */
    Node read(Shape shape) throws IOException {
        JsonToken t = token();
        int line = line();
        int column = column();
        if (isAlias()) {
            return alias(parser.getText(), line, column);
        }
        String anchor = yaml == null ? null : yaml.anchor();
        Node node;
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            boolean mapping = t == JsonToken.START_OBJECT;
            if (anchor != null) {
                open.add(anchor);
            }
            if (mapping && shape.fields() != null) {
                node = readMapping(shape, line, column);
            } else if (!mapping && shape.items() != null) {
                node = readSequence(shape, line, column);
            } else {
                skipCollection();
                node = new Node.Skipped(line, column, mapping);
            }
            if (anchor != null) {
                open.remove(anchor);
            }
        } else {
            node = scalar(t, line, column, true);
        }
        if (anchor != null) {
            anchors.put(anchor, new Anchored(node, size));
        }
        return node;
    }

    /** Skips the value at the current token, counting its size and remembering its anchors. */
    void skip() throws IOException {
        JsonToken t = token();
        int line = line();
        int column = column();
        if (isAlias()) {
            Anchored a = anchors.get(parser.getText());
            size = 1;
            if (a != null) {
                expand(a.size(), line, column);
                size = a.size();
            }
            return;
        }
        String anchor = yaml == null ? null : yaml.anchor();
        Node node;
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            if (anchor != null) {
                open.add(anchor);
            }
            skipCollection();
            node = new Node.Skipped(line, column, t == JsonToken.START_OBJECT);
            if (anchor != null) {
                open.remove(anchor);
            }
        } else {
            node = scalar(t, line, column, false);
        }
        if (anchor != null) {
            anchors.put(anchor, new Anchored(node, size));
        }
    }

    private Node readMapping(Shape shape, int line, int column) throws IOException {
        Map<String, Node.Entry> entries = new LinkedHashMap<>();
        long total = 1;
        boolean reportedTooMany = false;
        JsonToken t;
        while ((t = next()) == JsonToken.FIELD_NAME) {
            String key = name();
            int keyLine = line();
            int keyColumn = column();
            next();
            enter(key);
            Optional<ControlCharacters.Found> control = ControlCharacters.find(key, LineFeeds.REFUSED);
            if (control.isPresent()) {
                problems.add(keyLine, keyColumn, Optional.empty(), field(), "a field name: "
                        + control.get().refusal(LineFeeds.REFUSED));
                skip();
            } else if (key.length() > limits.maxStringLength()) {
                problems.add(keyLine, keyColumn, Optional.empty(), field(), "a field name of " + Values.count(key.length())
                        + " characters; at most " + Values.count(limits.maxStringLength()) + " are accepted (SeedReader.Builder.maxStringLength)");
                skip();
            } else if (entries.containsKey(key)) {
                Node.Entry first = entries.get(key);
                problems.add(keyLine, keyColumn, Optional.empty(), field(), "field " + Values.quote(key)
                        + " appears twice in this mapping (first at line " + first.line() + ", column " + first.column()
                        + "); give each field once");
                skip();
            } else if (entries.size() >= shape.maxItems()) {
                if (!reportedTooMany) {
                    problems.add(keyLine, keyColumn, Optional.empty(), field(), "more than " + Values.count(shape.maxItems())
                            + " fields in one mapping; " + shape.tooMany());
                    reportedTooMany = true;
                }
                skip();
            } else {
                Node value = read(shape.fields().apply(key));
                entries.put(key, new Node.Entry(key, keyLine, keyColumn, value));
            }
            total += size;
            leave();
        }
        requireEnd(t, JsonToken.END_OBJECT);
        size = total;
        return new Node.Mapping(line, column, entries);
    }

    private Node readSequence(Shape shape, int line, int column) throws IOException {
        List<Node> items = new ArrayList<>();
        long total = 1;
        int index = 0;
        JsonToken t;
        while ((t = next()) != JsonToken.END_ARRAY && t != null) {
            enter("[" + index + "]");
            if (index == shape.maxItems()) {
                problems.add(line(), column(), Optional.empty(), field(), "more than " + Values.count(shape.maxItems())
                        + " items; " + shape.tooMany());
            }
            if (index >= shape.maxItems()) {
                skip();
            } else {
                items.add(read(shape.items()));
            }
            total += size;
            index++;
            leave();
        }
        requireEnd(t, JsonToken.END_ARRAY);
        size = total;
        return new Node.Sequence(line, column, items);
    }

    private void skipCollection() throws IOException {
        long total = 1;
        JsonToken t;
        while ((t = next()) != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY && t != null) {
            if (t != JsonToken.FIELD_NAME) {
                skip();
                total += size;
            }
        }
        requireEnd(t, t);
        size = total;
    }

    private void requireEnd(JsonToken found, JsonToken expected) {
        if (found == null || found != expected) {
            throw problems.fatal(line(), column(), field(), "the file ends inside a list or mapping");
        }
    }

    private Node scalar(JsonToken t, int line, int column, boolean check) throws IOException {
        size = 1;
        if (t == JsonToken.VALUE_NULL || yaml != null && t == JsonToken.VALUE_STRING && yaml.isEmptyPlain()) {
            return new Node.Scalar(line, column, JsonToken.VALUE_NULL, null);
        }
        if (t == JsonToken.VALUE_EMBEDDED_OBJECT) {
            if (check) {
                problems.add(line, column, Optional.empty(), field(), "binary values (!!binary) are not accepted; write text");
            }
            return new Node.Invalid(line, column);
        }
        String text = parser.getText();
        if (text.length() > limits.maxStringLength()) {
            if (check) {
                problems.add(line, column, Optional.empty(), field(), "a text of " + Values.count(text.length())
                        + " characters; at most " + Values.count(limits.maxStringLength()) + " are accepted (SeedReader.Builder.maxStringLength)");
            }
            return new Node.Invalid(line, column);
        }
        if (check) {
            LineFeeds lineFeeds = multiLine() ? LineFeeds.ACCEPTED : LineFeeds.REFUSED;
            Optional<ControlCharacters.Found> found = ControlCharacters.find(text, lineFeeds);
            if (found.isPresent()) {
                problems.add(line, column, Optional.empty(), field(), found.get().refusal(lineFeeds));
                return new Node.Invalid(line, column);
            }
        }
        return new Node.Scalar(line, column, t, text);
    }

    /** The fields written over several lines, where line feeds are accepted: see {@link ControlCharacters}. */
    private boolean multiLine() {
        String last = path.isEmpty() ? "" : path.get(path.size() - 1);
        return last.equals("description") || last.equals("note");
    }

    private Node alias(String name, int line, int column) {
        Anchored a = anchors.get(name);
        size = 1;
        if (a == null) {
            problems.add(line, column, Optional.empty(), field(), open.contains(name)
                    ? "alias *" + name + " is used inside the value it names; a value cannot contain itself"
                    : "alias *" + name + " names no anchor; an anchor (&" + name + ") must come before its aliases");
            return new Node.Invalid(line, column);
        }
        expand(a.size(), line, column);
        size = a.size();
        if (a.node() instanceof Node.Skipped skipped) {
            problems.add(line, column, Optional.empty(), field(), "alias *" + name + " repeats a value that was not read"
                    + " (the " + (skipped.mapping() ? "mapping" : "list") + " at line " + skipped.line()
                    + " is where the format expects no " + (skipped.mapping() ? "mapping" : "list")
                    + "); put the anchor on a value where the format reads it");
            return new Node.Invalid(line, column);
        }
        return a.node();
    }

    private void expand(long by, int line, int column) {
        expansion += by;
        if (expansion > limits.maxAliasExpansion()) {
            throw problems.fatal(line, column, field(), "aliases repeat more than " + Values.count(limits.maxAliasExpansion())
                    + " values in all (each alias counts the values it repeats; SeedReader.Builder.maxAliasExpansion);"
                    + " a file that expands like this (a \"billion laughs\") is refused");
        }
    }
}
