package org.entente.seeds;

import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * A YAML factory whose parsers also tell the anchor ({@code &name}) of every value. Jackson's streaming
 * parser reports aliases ({@code *name}) as text and the anchors of mappings and lists, but not the
 * anchors of scalars; {@link YAMLParser#getEvent()} is the hook Jackson offers for this (since 2.18).
 * Jackson never expands aliases itself (so SnakeYAML's {@code LoaderOptions.maxAliasesForCollections},
 * which its composer applies, does not apply here): the {@link Cursor} expands them and counts.
 */
final class AnchoringYamlFactory extends YAMLFactory {

    private static final long serialVersionUID = 1L;

    AnchoringYamlFactory(YAMLFactoryBuilder builder) {
        super(builder);
    }

    /** Only readers are created by {@link SeedParser}, always through a {@link Reader}. */
    @Override
    protected YAMLParser _createParser(Reader reader, IOContext context) throws IOException {
        return new Parser(context, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, reader);
    }

    /** A YAML parser that remembers the anchor of the last node event, and whether it was an empty plain scalar. */
    static final class Parser extends YAMLParser {

        private String anchor;
        private boolean emptyPlain;

        Parser(IOContext context, int parserFeatures, int formatFeatures, LoaderOptions options, ObjectCodec codec,
               Reader reader) {
            super(context, parserFeatures, formatFeatures, options, codec, reader);
        }

        @Override
        protected Event getEvent() throws IOException {
            Event event = super.getEvent();
            anchor = event instanceof NodeEvent node && !(event instanceof AliasEvent) ? node.getAnchor() : null;
            emptyPlain = event instanceof ScalarEvent scalar && scalar.isPlain() && scalar.getValue().isEmpty();
            return event;
        }

        /** The anchor of the value just read (a scalar, or the start of a mapping or list), or null. */
        String anchor() {
            return anchor;
        }

        /**
         * Whether the value just read is written as nothing at all ({@code title:}), which YAML reads as
         * null, unlike {@code title: ""}; Jackson tells them apart only through this event.
         */
        boolean isEmptyPlain() {
            return emptyPlain;
        }
    }
}
