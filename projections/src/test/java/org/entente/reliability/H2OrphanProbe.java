package org.entente.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * H2 alone, without Entente or Axon: the write pattern of a batch chunk, to tell whether a kill can
 * leave rows of an uncommitted transaction behind. A writer opens a transaction, inserts a burst of
 * keys into {@code claim} (as Entente's fact-id claim did at the start of a chunk), works for a while
 * without writing, inserts the same number of rows into {@code event} and commits; a second connection
 * commits small updates all the time (as projection processors do), each of which, with
 * {@code WRITE_DELAY=0}, stores the database. The parent kills the child at random moments and checks
 * that the two tables hold the same keys and that a key can be inserted again.
 *
 * <p>{@code java ... H2OrphanProbe KILLS MODE [URL-SETTINGS]}, MODE {@code early} or {@code late}
 * (claims first, or just before the events and the commit), optionally with {@code +gate} (write
 * statements share a lock that commits take alone), {@code +mutex} (statements and commits one at a
 * time, as Entente's gate), {@code +reopen} (the database is reopened after its tables are created),
 * {@code +rowsN} (chunks of N rows instead of 1,000, the work in proportion) and {@code +aimed} (the
 * other connection commits every 20 ms, and the kill comes right after one of the first three bursts
 * of claims). Results are in RELIABILITY.md.
 */
public final class H2OrphanProbe {

    private H2OrphanProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("child")) {
            child(Path.of(args[1]), args[2], args.length > 3 ? args[3] : "");
            return;
        }
        int kills = Integer.parseInt(args[0]);
        String order = args[1]; // early|late, +gate, +reopen
        String settings = args.length > 2 ? args[2] : "";
        Path work = Files.createTempDirectory("h2-orphans");
        Random random = new Random(kills * 31L + order.hashCode());
        int damaged = 0;
        int done = 0;
        for (int k = 0; k < kills; k++) {
            Path dir = work.resolve("db" + k);
            Path errors = work.resolve("err" + k);
            try (ChildJvm child = ChildJvm.start(H2OrphanProbe.class, errors, "child", dir.toString(), order, settings)) {
                String line = child.readLine();
                if (!"STARTED".equals(line)) {
                    throw new IllegalStateException(line + Files.readString(errors));
                }
                if (order.contains("aimed")) {
                    // Right after the writer's burst of claims, while other threads' commits store the database.
                    int bursts = 1 + random.nextInt(3);
                    while (bursts > 0 && (line = child.readLine()) != null) {
                        if (line.equals("BURST")) {
                            bursts--;
                        }
                    }
                    Thread.sleep(random.nextInt(10));
                } else {
                    Thread.sleep(500 + random.nextInt(3000));
                }
                child.kill();
            }
            String problem = check(dir, settings);
            done++;
            if (problem != null) {
                damaged++;
                System.out.println("kill " + k + ": " + problem);
            } else {
                deleteTree(dir);
            }
        }
        System.out.printf("h2 orphan probe, claims %s, settings '%s': %d kill(s), %d damaged%n", order, settings, done, damaged);
    }

    static String url(Path dir, String settings) {
        return "jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0" + settings;
    }

    /** With "gate": write statements share this lock, commits take it alone (no store during a write). */
    private static final java.util.concurrent.locks.ReentrantReadWriteLock GATE = new java.util.concurrent.locks.ReentrantReadWriteLock();
    private static boolean gated;
    /** With "mutex": every statement and commit alone (what Entente's H2StatementGate does). */
    private static boolean mutex;

    private static void shared(SqlRunnable r) throws SQLException {
        if (mutex) {
            exclusive(r);
            return;
        }
        if (gated) {
            GATE.readLock().lock();
        }
        try {
            r.run();
        } finally {
            if (gated) {
                GATE.readLock().unlock();
            }
        }
    }

    private static void exclusive(SqlRunnable r) throws SQLException {
        if (gated) {
            GATE.writeLock().lock();
        }
        try {
            r.run();
        } finally {
            if (gated) {
                GATE.writeLock().unlock();
            }
        }
    }

    private interface SqlRunnable {
        void run() throws SQLException;
    }

    private static void child(Path dir, String mode, String settings) throws Exception {
        gated = mode.contains("gate") || mode.contains("mutex");
        mutex = mode.contains("mutex");
        String order = mode.startsWith("late") ? "late" : "early";
        long processorPause = mode.contains("aimed") ? 20_000_000 : 2_000_000;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("rows(\\d+)").matcher(mode);
        int rows = m.find() ? Integer.parseInt(m.group(1)) : 1000;
        long work = TimeUnit.MILLISECONDS.toNanos(300) * rows / 1000;
        try (Connection setup = DriverManager.getConnection(url(dir, settings), "sa", ""); Statement s = setup.createStatement()) {
            s.execute("CREATE TABLE claim (id VARCHAR(128) NOT NULL PRIMARY KEY, owner VARCHAR(16) NOT NULL)");
            s.execute("CREATE TABLE event (n BIGINT AUTO_INCREMENT PRIMARY KEY, id VARCHAR(128) NOT NULL, payload VARBINARY(10000))");
            s.execute("CREATE TABLE token (name VARCHAR(16) PRIMARY KEY, position BIGINT)");
            s.execute("INSERT INTO token VALUES ('p', 0)");
            if (mode.contains("reopen")) {
                // A new process lifetime: the undo logs are created again, after (with higher ids than) the tables.
                s.execute("SHUTDOWN");
            }
        }
        try (Connection keep = DriverManager.getConnection(url(dir, settings), "sa", "")) {
            Thread processor = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url(dir, settings), "sa", "");
                     PreparedStatement ps = c.prepareStatement("UPDATE token SET position = position + 1")) {
                    c.setAutoCommit(false);
                    while (true) {
                        shared(ps::executeUpdate);
                        exclusive(c::commit);
                        LockSupport.parkNanos(processorPause);
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            processor.setDaemon(true);
            processor.start();
            System.out.println("STARTED");
            System.out.flush();
            try (Connection c = DriverManager.getConnection(url(dir, settings), "sa", "");
                 PreparedStatement claim = c.prepareStatement("INSERT INTO claim VALUES (?, ?)");
                 PreparedStatement event = c.prepareStatement("INSERT INTO event (id, payload) VALUES (?, ?)")) {
                c.setAutoCommit(false);
                byte[] payload = new byte[600];
                for (int chunk = 0; ; chunk++) {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < rows; i++) {
                        ids.add("c" + chunk + "-" + i);
                    }
                    if (order.equals("early")) {
                        claim(claim, ids);
                        System.out.println("BURST");
                        System.out.flush();
                    }
                    LockSupport.parkNanos(work); // the commands' work, in memory (300 ms per 1,000 rows)
                    if (order.equals("late")) {
                        claim(claim, ids);
                    }
                    for (String id : ids) {
                        event.setString(1, id);
                        event.setBytes(2, payload);
                        event.addBatch();
                    }
                    shared(event::executeBatch);
                    exclusive(c::commit);
                }
            }
        }
    }

    private static void claim(PreparedStatement claim, List<String> ids) throws SQLException {
        for (String id : ids) {
            claim.setString(1, id);
            claim.setString(2, "X");
            claim.addBatch();
        }
        shared(claim::executeBatch);
    }

    /** Null when the tables agree and the claimed keys can be written again, else what is wrong. */
    static String check(Path dir, String settings) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(dir, settings) + ";LOCK_TIMEOUT=2000", "sa", "");
             Statement s = c.createStatement()) {
            long claims = StoreIntegrity.one(c, "SELECT COUNT(*) FROM claim");
            long filtered = StoreIntegrity.one(c, "SELECT COUNT(*) FROM claim WHERE owner IS NOT NULL");
            long sub = StoreIntegrity.one(c, "SELECT COUNT(*) FROM (SELECT id FROM claim) t");
            long events = StoreIntegrity.one(c, "SELECT COUNT(*) FROM event");
            long joined = StoreIntegrity.one(c, "SELECT COUNT(*) FROM claim JOIN event ON claim.id = event.id");
            String counts = "claim " + claims + "/" + filtered + "/" + sub + ", event " + events + ", joined " + joined;
            if (claims != filtered || claims != sub || claims != events || joined != events) {
                return counts;
            }
            // Every key of the next chunk can be written and removed again (an orphan would be locked).
            try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(CAST(SUBSTRING(id, 2, POSITION('-' IN id) - 2) AS INT)), -1) FROM claim")) {
                rs.next();
                int next = rs.getInt(1) + 1;
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO claim VALUES (?, 'Y')")) {
                    for (int i = 0; i < 1000; i++) {
                        ps.setString(1, "c" + next + "-" + i);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                } catch (SQLException e) {
                    return counts + "; inserting the next chunk's keys failed: " + e.getMessage().lines().findFirst().orElse("");
                } finally {
                    c.rollback();
                }
            }
            return null;
        } catch (SQLException e) {
            return "could not open or read: " + e.getMessage().lines().findFirst().orElse("");
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
