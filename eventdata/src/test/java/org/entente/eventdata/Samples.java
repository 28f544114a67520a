package org.entente.eventdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The sample files of this module's test resources (see PROVENANCE.md beside them). */
final class Samples {

    static final String ICEWS = "icews_events.2018.sample.tab";
    static final String GDELT = "gdelt2_export_20240819130000_3rows.tsv";
    static final String COW = "cow_diplomatic_exchange_2006v1_USA-NIR_rows.csv";
    static final String PLOVER = "plover-sample.jsonl";

    private Samples() {
    }

    static Path path(String name) {
        URL url = Samples.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " is missing from the test resources");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> lines(String name) {
        try {
            return Files.readAllLines(path(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
