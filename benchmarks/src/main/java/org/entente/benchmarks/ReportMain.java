package org.entente.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.Map;

/** Prints the Markdown tables of a results file: {@code java -cp entente-benchmarks.jar org.entente.benchmarks.ReportMain results.json}. */
public final class ReportMain {

    private ReportMain() {
    }

    public static void main(String[] args) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> results = new ObjectMapper().readValue(new File(args[0]), Map.class);
        System.out.println(Report.table(results));
    }
}
