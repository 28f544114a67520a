package org.entente.seeds;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.entente.core.FactId;
import org.entente.core.text.TerminalText;

/** The problems found in one file, at most {@link Limits#maxProblems()} of them. */
final class Problems {

    /** Stops reading: a limit was broken, the syntax is wrong, or there are too many problems. */
    static final class Abort extends RuntimeException {
        Abort() {
            super(null, null, false, false);
        }
    }

    private final String file;
    private final int max;
    private final List<SeedProblem> list = new ArrayList<>();
    private SeedProblem stopped;

    Problems(String file, int max) {
        this.file = file;
        this.max = max;
    }

    String file() {
        return file;
    }

    /** Records a problem; stops reading once there are {@code max} of them. */
    void add(int line, int column, Optional<FactId> fact, String field, String message) {
        list.add(problem(line, column, fact, field, message));
        if (list.size() >= max) {
            stopped = new SeedProblem(file, line, column, Optional.empty(), "", "stopped after " + max
                    + " problems; the rest of the file was not checked (SeedReader.Builder.maxProblems)");
            throw new Abort();
        }
    }

    /** Records a problem that stops reading, and returns the exception to throw. */
    Abort fatal(int line, int column, String field, String message) {
        list.add(problem(line, column, Optional.empty(), field, message));
        return new Abort();
    }

    /**
     * Values are quoted escaped ({@link Values#quote}); the field (a path of the file's keys) and the
     * message are made safe again here, so that no problem can carry a character a terminal acts on.
     */
    private SeedProblem problem(int line, int column, Optional<FactId> fact, String field, String message) {
        return new SeedProblem(file, line, column, fact, TerminalText.escape(field), TerminalText.sanitize(message));
    }

    int count() {
        return list.size() + (stopped == null ? 0 : 1);
    }

    /** Names the fact in the problems recorded since {@code from} that do not name one yet. */
    void attach(int from, FactId fact) {
        for (int i = from; i < list.size(); i++) {
            SeedProblem p = list.get(i);
            if (p.factId().isEmpty()) {
                list.set(i, new SeedProblem(p.file(), p.line(), p.column(), Optional.of(fact), p.field(), p.message()));
            }
        }
    }

    /** The problems in the order of the file (by line and column), then the one that stopped reading, if any. */
    List<SeedProblem> list() {
        List<SeedProblem> sorted = new ArrayList<>(list);
        sorted.sort(java.util.Comparator.comparingInt(SeedProblem::line).thenComparingInt(SeedProblem::column));
        if (stopped != null) {
            sorted.add(stopped);
        }
        return List.copyOf(sorted);
    }
}
