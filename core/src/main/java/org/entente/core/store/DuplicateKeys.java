package org.entente.core.store;

import java.sql.SQLException;

/** Recognises duplicate keys on H2 and PostgreSQL, which Axon's default resolver misses on H2. */
final class DuplicateKeys {

    private DuplicateKeys() {
    }

    /** Whether an exception is a duplicate key (SQLState 23505), looking through causes and chained exceptions. */
    static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if ("23505".equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
