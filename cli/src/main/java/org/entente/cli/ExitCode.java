package org.entente.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.core.EntenteException;
import org.entente.core.relationship.FactConflictException;
import org.entente.core.relationship.RuleViolationException;
import org.entente.core.relationship.UnknownFactException;
import org.entente.core.store.BackupRejectedException;
import org.entente.core.store.BatchRejectedException;
import org.entente.core.store.OrganisationConflictException;
import org.entente.core.store.TargetNotEmptyException;
import org.entente.seeds.SeedFormatException;

/**
 * The command line's exit codes, defined here and nowhere else: every command returns one of them,
 * and the handlers map every failure to one through {@link #of(Throwable)}.
 *
 * <p>The line between 1 and 2 is who must act. Exit code 2 means the command as typed will fail the
 * same way every time: an argument, an option's value or a file the user handed in (a seed, a
 * scenario, a backup) must change. Exit code 1 means the command may well succeed once the
 * environment is put right, or that Entente has a bug: a full disk, a database that cannot be reached
 * or is in use, a store that is damaged or inconsistent (the store is the environment: {@code repair}
 * or a backup fixes it, not a different command), an I/O error, a write that met another writer.
 * Exception types not listed in {@link #INPUT_ERRORS} are 1, so a new kind of failure is the
 * environment's until it is classified on purpose ({@code ExitCodeTest} lists every one).
 */
enum ExitCode {

    /** The command did what it was asked. */
    SUCCESS(0, "Success."),

    /** The environment failed, or a bug: the same command may succeed once it is put right. */
    ENVIRONMENT(1, "The environment, or a bug: a full disk, a database unreachable or in use, a damaged or"
            + " inconsistent store (also check's verdict), an I/O error, a concurrent writer."),

    /** What the user typed or handed in must change: running the same command again fails the same way. */
    BAD_INPUT(2, "Input to change: a bad argument or value, a missing or malformed file (seed, scenario, backup),"
            + " an unknown fact id, facts that break a rule or reuse a fact id, a login the database refuses,"
            + " a copy into a store that holds other history.");

    /**
     * Failures that are the user's to fix. {@link IllegalArgumentException} is a value the library
     * refused (a country code, a control character, a store path holding {@code ;}); the rest are
     * Entente's types for facts, files and ids the user gave. A {@link BackupRejectedException} is
     * here because the command line meets it for a file the user named ({@code store-import}); a
     * source store that {@code migrate} cannot copy is reported as the store's failure instead. A
     * {@link TargetNotEmptyException} is the target the user chose ({@code store-import}, {@code migrate}). An
     * {@link OrganisationConflictException} is a registration in a seed or backup the user named that
     * contradicts the store's (each command runs in a JVM of its own, so the store is the only other side).
     */
    static final List<Class<? extends RuntimeException>> INPUT_ERRORS = List.of(
            EntenteCli.UsageError.class,
            IllegalArgumentException.class,
            RuleViolationException.class,
            BatchRejectedException.class,
            SeedLoading.SeedRejectedException.class,
            FactConflictException.class,
            UnknownFactException.class,
            SeedFormatException.class,
            BackupRejectedException.class,
            TargetNotEmptyException.class,
            OrganisationConflictException.class);

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The number the process exits with. */
    int code() {
        return code;
    }

    /** What the code means, for the help's exit-code list and the README. */
    String meaning() {
        return meaning;
    }

    /**
     * The exit code of a failure. The failure is judged by its own type when it is one of Entente's or
     * a refused value; another library's exception (an Axon wrapper, say) by the first of Entente's
     * exceptions among its causes; anything else is the environment's.
     */
    static ExitCode of(Throwable failure) {
        return ofType(reported(failure).getClass());
    }

    /** The exit code of a failure of this type, judged by the type alone. */
    static ExitCode ofType(Class<? extends Throwable> type) {
        for (Class<? extends RuntimeException> input : INPUT_ERRORS) {
            if (input.isAssignableFrom(type)) {
                return BAD_INPUT;
            }
        }
        return ENVIRONMENT;
    }

    /**
     * The exception whose message a user should read: the failure itself when it is Entente's own, a
     * refused value or a usage error; otherwise the first of Entente's exceptions among its causes
     * (a full disk or a store in use says so, even inside another library's exception), else the failure.
     */
    static Throwable reported(Throwable failure) {
        if (isOurs(failure)) {
            return failure;
        }
        Throwable t = failure.getCause();
        for (int depth = 0; t != null && depth < 64; depth++) {
            if (t instanceof EntenteException) {
                return t;
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return failure;
    }

    /** Whether a failure speaks for itself: Entente's own, a refused value, or a usage error. */
    static boolean isOurs(Throwable failure) {
        return failure instanceof EntenteException || failure instanceof IllegalArgumentException
                || failure instanceof EntenteCli.UsageError;
    }

    /** Each code with its meaning, in the order the help lists them (0, 2, 1: the common case first). */
    static Map<String, String> helpList() {
        Map<String, String> list = new LinkedHashMap<>();
        for (ExitCode c : List.of(SUCCESS, BAD_INPUT, ENVIRONMENT)) {
            list.put(Integer.toString(c.code), c.meaning);
        }
        return list;
    }
}
