package org.entente.seeds;

import java.util.List;
import java.util.Objects;
import org.entente.core.EntenteException;

/**
 * A seed file does not follow the seed format, or a scenario file the scenario format (or the file
 * breaks one of the reader's limits). It holds every
 * problem found, in the order of the file, so that all of them can be fixed at once.
 *
 * <p>The message lists them one per line:
 *
 * <pre>
 * niger.yaml: 2 problems
 *   niger.yaml:14:11: fact usa-denounce, actor: NIG is not an ISO 3166-1 alpha-3 code; did you mean ...
 *   niger.yaml:20:5: fact usa-denounce: duplicate fact id 'usa-denounce'; the fact at line 9 has it already
 * </pre>
 */
public final class SeedFormatException extends EntenteException {

    /** The seed file, as named to the reader. */
    private final String file;
    /** Every problem found, in file order. */
    private final List<SeedProblem> problems;

    /**
     * An exception for the problems of one file.
     *
     * @param file the file's name as it was given to the reader, named in the message
     * @param problems every problem found, in file order, each with its line and column; at least one
     * @throws IllegalArgumentException when there is no problem
     */
    public SeedFormatException(String file, List<SeedProblem> problems) {
        super(message(file, problems));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    /** {@return the file's name as it was given to the reader} */
    public String file() {
        return file;
    }

    /** {@return every problem found, in the order they were found (the order of the file)} */
    public List<SeedProblem> problems() {
        return problems;
    }

    private static String message(String file, List<SeedProblem> problems) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(problems, "problems");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a SeedFormatException needs at least one problem");
        }
        StringBuilder s = new StringBuilder(file).append(": ").append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems");
        for (SeedProblem p : problems) {
            s.append("\n  ").append(p);
        }
        return s.toString();
    }
}
