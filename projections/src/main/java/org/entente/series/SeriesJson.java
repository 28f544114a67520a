package org.entente.series;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.OptionalDouble;
import org.entente.internal.JsonRendering;

/** {@link Series#writeJson(Writer)}: streamed, with the escapes of every other document. */
final class SeriesJson {

    private SeriesJson() {
    }

    static void write(Series series, Writer out) throws IOException {
        SeriesQuery q = series.query();
        try (JsonGenerator g = JsonRendering.generator(out)) {
            g.writeStartObject();
            g.writeStringField("format", Series.JSON_FORMAT);
            g.writeStringField("country", q.country().code());
            if (q.partner().isPresent()) {
                g.writeStringField("partner", q.partner().get().code());
            }
            g.writeStringField("from", q.from().toString());
            g.writeStringField("to", q.to().toString());
            g.writeStringField("step", q.step().name());
            if (q.knownAt().isPresent()) {
                g.writeStringField("knownAt", q.knownAt().get().toString());
            }
            if (q.publishedBy().isPresent()) {
                g.writeStringField("publishedBy", q.publishedBy().get().toString());
            }
            g.writeArrayFieldStart("rows");
            for (SeriesRow r : series.rows()) {
                g.writeStartObject();
                g.writeStringField("date", r.date().toString());
                g.writeStringField("partner", r.partner().code());
                g.writeStringField("partnerName", r.partner().name());
                g.writeStringField("status", r.status().name());
                g.writeNumberField("temperature", r.temperature());
                g.writeStringField("trend", r.trend().name());
                g.writeNumberField("securityWeight", r.securityWeight());
                number(g, "securityShare", r.securityShare());
                number(g, "diversification", r.diversification());
                number(g, "effectiveNumberOfPartners", r.effectiveNumberOfPartners());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void number(JsonGenerator g, String field, OptionalDouble value) throws IOException {
        if (value.isPresent()) {
            g.writeNumberField(field, value.getAsDouble());
        }
    }
}
