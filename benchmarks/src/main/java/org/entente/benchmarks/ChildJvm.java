package org.entente.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a probe's {@code main} in a child JVM with a heap limit, on the harness's class path, and
 * collects the JSON it prints on a line starting with {@code PROBE }.
 */
final class ChildJvm {

    private ChildJvm() {
    }

    static Map<String, Object> run(Class<?> main, int heapMb, List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heapMb + "m");
        command.add("-Ddisable-axoniq-console-message=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(args);
        Harness.log(main.getSimpleName() + ": -Xmx" + heapMb + "m " + String.join(" ", args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, Object> result = new LinkedHashMap<>();
        StringBuilder tail = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("PROBE ")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = new ObjectMapper().readValue(line.substring(6), Map.class);
                    result.putAll(m);
                } else {
                    tail.append(line).append('\n');
                    if (tail.length() > 4000) {
                        tail.delete(0, tail.length() - 4000);
                    }
                }
            }
        }
        if (!p.waitFor(2, TimeUnit.HOURS)) {
            p.destroyForcibly();
        }
        result.put("heap_limit_mb", heapMb);
        result.put("exit_code", p.exitValue());
        if (!result.containsKey("ok")) {
            result.put("ok", false);
            result.put("error", tail.toString().strip());
        }
        Harness.log(main.getSimpleName() + ": " + result);
        return result;
    }
}
