package org.entente.core.store;

import java.nio.file.Path;

/** A child process for tests: opens the H2 store in args[0], says "open", and holds it until its input closes. */
public final class StoreHolder {

    private StoreHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (EntenteStore store = EntenteStore.builder().h2(Path.of(args[0])).build()) {
            System.out.println("open");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the store until the parent closes our input
            }
        }
    }

    /** Starts a JVM holding the store and returns once it says it has it open. */
    public static Process hold(Path directory) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Xmx128m",
                "-Ddisable-axoniq-console-message=true", StoreHolder.class.getName(), directory.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()));
        String line = out.readLine();
        if (!"open".equals(line)) {
            p.destroyForcibly();
            throw new IllegalStateException("the child JVM did not open the store: " + line);
        }
        return p;
    }
}
