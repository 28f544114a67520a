package org.entente.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * The fixture stores opened on a thread while {@link EntenteExtension} runs a test (or a class's
 * {@code @BeforeAll}) there: the extension enters a scope before and closes it after, which closes
 * every {@link EntenteFixture.ThenStage} opened in it, newest first. A stage opened on a thread with
 * no scope (no extension, or a thread of the test's own) is its caller's to close.
 *
 * <p>A scope is per thread because JUnit runs a test's callbacks and its method on one thread, also
 * when tests run in parallel.
 */
final class FixtureScope implements AutoCloseable {

    private static final ThreadLocal<FixtureScope> CURRENT = new ThreadLocal<>();

    private final FixtureScope outer;
    private final List<EntenteFixture.ThenStage> open = new ArrayList<>();
    private boolean closed;

    private FixtureScope(FixtureScope outer) {
        this.outer = outer;
    }

    /** Starts a scope on this thread, inside the current one if any. */
    static FixtureScope enter() {
        FixtureScope scope = new FixtureScope(CURRENT.get());
        CURRENT.set(scope);
        return scope;
    }

    /**
     * Hands a stage to the innermost open scope of this thread, which closes it.
     *
     * @return whether a scope took it (false: the caller closes it)
     */
    static boolean track(EntenteFixture.ThenStage stage) {
        for (FixtureScope s = CURRENT.get(); s != null; s = s.outer) {
            synchronized (s) {
                if (!s.closed) {
                    s.open.add(stage);
                    return true;
                }
            }
        }
        return false;
    }

    /** Leaves the scope and closes its stages, newest first; the first failure is thrown, the others added to it. */
    @Override
    public void close() {
        if (CURRENT.get() == this) {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
        List<EntenteFixture.ThenStage> stages;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            stages = new ArrayList<>(open);
            open.clear();
        }
        RuntimeException failure = null;
        for (int i = stages.size() - 1; i >= 0; i--) {
            try {
                stages.get(i).close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
