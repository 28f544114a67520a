package org.entente.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import org.entente.core.EntenteException;
import org.entente.core.store.internal.PrivateFilePath;

/**
 * Where an H2 store lives on disk and what its failures mean: the store directory a path may name, the
 * JDBC URL built from it, the directory's and files' modes, and H2's errors translated into Entente's.
 *
 * <p>The directory is the only part of the URL a caller chooses, so it is checked before it gets there:
 * H2 reads everything after a {@code ;} as settings ({@code INIT=} runs SQL, {@code ACCESS_MODE_DATA},
 * {@code USER}...), and H2 has no escape for it. The URL always names an absolute, normalized path
 * under Entente's private file system ({@link PrivateFilePath}), so no prefix in the path
 * ({@code mem:}, {@code tcp://}, {@code zip:}, {@code file:}, {@code ~}) can change what H2 opens: such a
 * path is an ordinary directory whose name holds a colon or a tilde.
 */
final class H2Files {

    /** The database name inside the store directory; H2 adds {@link #FILE_SUFFIX}. */
    static final String DATABASE = "entente";
    /** The suffix of H2's database file. */
    static final String FILE_SUFFIX = ".mv.db";

    /** H2's error code for a database file locked by another process (ErrorCode.DATABASE_ALREADY_OPEN_1). */
    private static final int DATABASE_ALREADY_OPEN = 90020;

    private H2Files() {
    }

    /**
     * The directory as the store will use it: absolute and normalized ({@code a/../b} is {@code b}).
     *
     * @throws IllegalArgumentException when the path holds a {@code ;} or a control character
     */
    static Path checkDirectory(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        String text = dir.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ';') {
                throw new IllegalArgumentException("the store directory " + visible(directory)
                        + " holds a ';', which H2 would read as the start of its connection settings; name a directory"
                        + " whose absolute path has no ';' and no control characters");
            }
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException("the store directory " + visible(directory) + " holds the control character "
                        + String.format(Locale.ROOT, "U+%04X", (int) c) + "; name a directory whose absolute path has no ';'"
                        + " and no control characters");
            }
        }
        return dir;
    }

    /**
     * Creates the directory if missing, owner-only ({@code 0700}) for each directory created, and returns
     * the JDBC URL of its database without settings. An existing directory keeps its mode. The directory
     * is checked here too ({@link #checkDirectory}), before anything is created: this is where a path
     * becomes a URL, so no caller can hand it one that reaches H2's settings.
     *
     * @param underlay a file-system scheme under the private one ({@code ""} but in tests that fail writes)
     * @throws IllegalArgumentException when the path holds a {@code ;} or a control character
     */
    static String prepare(Path directory, String underlay) {
        Path dir = checkDirectory(directory);
        PrivateFilePath.register();
        try {
            createPrivately(dir);
        } catch (IOException e) {
            throw translate(new EntenteException("cannot use " + dir + " as an Entente store directory: " + e, e), dir);
        }
        return "jdbc:h2:" + PrivateFilePath.SCHEME + ":" + underlay + dir.resolve(DATABASE);
    }

    private static void createPrivately(Path dir) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
            missing.push(p);
        }
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        while (!missing.isEmpty()) {
            Path p = missing.pop();
            try {
                Files.createDirectory(p);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                continue; // created meanwhile by someone else: not ours to change
            }
            if (posix) {
                // Set after creation: a mode given at creation goes through the umask.
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
            }
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " exists and is not a directory");
        }
    }

    /**
     * Whether the H2 database behind a connection stopped after a failed write (its store's panic), read
     * from H2's objects without running a statement, and how to let go of such a connection: closing its
     * session directly, since a statement on it could spin (see {@link JdbcTransactions}).
     */
    static final JdbcTransactions.StopProbe STOP_PROBE = new JdbcTransactions.StopProbe() {
        @Override
        public Throwable stoppedBy(java.sql.Connection c) {
            try {
                if (h2(c) instanceof org.h2.jdbc.JdbcConnection h2 && h2.getSession() instanceof org.h2.engine.SessionLocal session
                        && session.getDatabase() != null && session.getDatabase().getStore() != null) {
                    return session.getDatabase().getStore().getMvStore().getPanicException();
                }
            } catch (RuntimeException e) {
                // H2's internals moved: treat the database as running, the bounded rollback still guards.
            }
            return null;
        }

        @Override
        public void abandon(java.sql.Connection c) {
            try {
                if (h2(c) instanceof org.h2.jdbc.JdbcConnection h2) {
                    // Not Connection.close(): the pool would roll the connection back with a statement.
                    h2.getSession().close();
                }
            } catch (RuntimeException e) {
                // The session is gone with its stopped database either way.
            }
        }
    };

    /** H2's own connection behind a wrapper (the statement gate's proxy), or null when there is none. */
    private static java.sql.Connection h2(java.sql.Connection c) {
        try {
            return c.isWrapperFor(org.h2.jdbc.JdbcConnection.class) ? c.unwrap(org.h2.jdbc.JdbcConnection.class) : null;
        } catch (java.sql.SQLException e) {
            return null;
        }
    }

    /** The database file of a store directory. */
    static Path databaseFile(Path dir) {
        return dir.resolve(DATABASE + FILE_SUFFIX);
    }

    /**
     * Entente's exception for an H2 failure it recognises anywhere in the chain (a full disk, a file
     * locked by another process), else the failure itself.
     */
    static RuntimeException translate(RuntimeException failure, Path dir) {
        if (failure instanceof DiskFullException || failure instanceof StoreInUseException) {
            return failure;
        }
        if (isLocked(failure)) {
            return new StoreInUseException(databaseFile(dir), failure);
        }
        if (isDiskFull(failure)) {
            return new DiskFullException(dir, failure);
        }
        return failure;
    }

    /**
     * A failure to open a store as a {@link StoreDamagedException} when H2 could not read its file
     * (a file cut short or garbled: H2's "file corrupted" or a read that found too few bytes), else as
     * {@link #translate} gives it.
     */
    static RuntimeException translateOpen(RuntimeException failure, Path dir) {
        RuntimeException translated = translate(failure, dir);
        if (translated != failure) {
            return translated;
        }
        for (Throwable t : chain(failure)) {
            if (t instanceof SQLException sql && sql.getErrorCode() == FILE_CORRUPTED
                    || t instanceof org.h2.mvstore.MVStoreException mv && mv.getMessage() != null
                            && (mv.getMessage().startsWith("Reading from file") || mv.getMessage().contains("corrupt"))) {
                return new StoreDamagedException(databaseFile(dir), failure);
            }
        }
        return failure;
    }

    /** H2's error code for a database file it finds corrupted. */
    private static final int FILE_CORRUPTED = 90030;

    /** Whether a failure comes from a write that found no space (ENOSPC or a quota), looking through every cause. */
    static boolean isDiskFull(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof IOException && t.getMessage() != null) {
                String m = t.getMessage().toLowerCase(Locale.ROOT);
                if (m.contains("no space left on device") || m.contains("disk quota exceeded")
                        || m.contains("not enough space on the disk")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a failure is H2 finding its file locked by another process. */
    static boolean isLocked(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof SQLException sql && sql.getErrorCode() == DATABASE_ALREADY_OPEN) {
                return true;
            }
        }
        return false;
    }

    /** Whether a failure comes from H2's storage layer failing to write or being closed by such a failure. */
    static boolean isStorageFailure(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof org.h2.mvstore.MVStoreException || t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** The message of the deepest cause, on one line (for a disk full: the operating system's words). */
    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        for (Throwable t : chain(failure)) {
            if (t instanceof IOException && t.getMessage() != null) {
                return oneLine(t.getMessage());
            }
            root = t;
        }
        return oneLine(String.valueOf(root.getMessage()));
    }

    /** Every throwable reachable through causes, suppressed exceptions and chained SQL exceptions, each once. */
    private static Iterable<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        java.util.List<Throwable> all = new java.util.ArrayList<>();
        todo.add(failure);
        while (!todo.isEmpty() && all.size() < 200) {
            Throwable t = todo.poll();
            if (t == null || !seen.add(t)) {
                continue;
            }
            all.add(t);
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            Collections.addAll(todo, t.getSuppressed());
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                todo.add(sql.getNextException());
            }
        }
        return all;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    /** A path as text with control characters shown as {@code \\uXXXX}, so an error message stays one line. */
    private static String visible(Path path) {
        String text = path.toString();
        StringBuilder sb = new StringBuilder(text.length() + 2).append('\'');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(Character.isISOControl(c) ? String.format(Locale.ROOT, "\\u%04X", (int) c) : String.valueOf(c));
        }
        return sb.append('\'').toString();
    }
}
