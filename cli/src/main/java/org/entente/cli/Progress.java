package org.entente.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import org.entente.core.store.BatchProgress;

/**
 * A progress line on a terminal: done of total, the rate and an estimate of the time left. Silent
 * when standard error is not a terminal or with --quiet.
 */
final class Progress implements BatchProgress {

    private final PrintWriter err;
    private final Clock clock;
    private final String what;
    private final String unit;
    private final long start;

    private Progress(PrintWriter err, Clock clock, String what, String unit) {
        this.err = err;
        this.clock = clock;
        this.what = what;
        this.unit = unit;
        this.start = clock.millis();
    }

    /** A display on the terminal, or nothing when there is none or the user asked for quiet. */
    static BatchProgress on(PrintWriter err, boolean quiet, String what) {
        return on(err, quiet, what, "facts");
    }

    /** As {@link #on(PrintWriter, boolean, String)}, counting in another unit ("events", "rows"). */
    static BatchProgress on(PrintWriter err, boolean quiet, String what, String unit) {
        if (quiet || System.console() == null) {
            return BatchProgress.NONE;
        }
        return new Progress(err, Clock.systemUTC(), what, unit);
    }

    @Override
    public void written(int done, int total) {
        double seconds = Math.max(0.001, (clock.millis() - start) / 1000.0);
        double rate = done / seconds;
        double left = rate > 0 ? (total - done) / rate : 0;
        err.print(String.format(Locale.ROOT, "\r%s: %,d/%,d %s, %,.0f/s, about %.0f s left   ", what, done, total, unit, rate, left));
        if (done >= total) {
            err.println();
        }
        err.flush();
    }
}
