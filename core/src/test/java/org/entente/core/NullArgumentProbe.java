package org.entente.core;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.function.Function;

/**
 * Calls a public method or constructor with null in each reference parameter in turn and checks that it
 * throws a NullPointerException saying what is null and what to give ("dyad is null; give Dyad.of(a, b)").
 * Shared by the null-argument tests of core and projections (through core's test jar).
 */
public final class NullArgumentProbe {

    private NullArgumentProbe() {
    }

    /**
     * Probes every reference parameter of {@code e}.
     *
     * @param e        the method or constructor
     * @param instance the receiver of an instance method (ignored for static methods and constructors)
     * @param samples  non-null arguments for every parameter of {@code e}
     * @param failures where a line per parameter that does not say what to give is added
     * @return how many parameters were probed
     */
    public static int probe(Executable e, Object instance, Function<Executable, Object[]> samples, List<String> failures)
            throws Exception {
        Class<?>[] params = e.getParameterTypes();
        int probed = 0;
        for (int i = 0; i < params.length; i++) {
            if (params[i].isPrimitive()) {
                continue;
            }
            Object[] args = samples.apply(e);
            args[i] = null;
            probed++;
            String where = e.getDeclaringClass().getSimpleName() + "." + e.getName() + " parameter #" + (i + 1);
            try {
                invoke(e, instance, args);
                failures.add(where + ": accepted null");
            } catch (NullPointerException npe) {
                String message = String.valueOf(npe.getMessage());
                if (!message.matches(".+ (is|are) null; give .+") || message.startsWith("Cannot ")) {
                    failures.add(where + ": " + message);
                }
            } catch (RuntimeException other) {
                failures.add(where + ": " + other);
            }
        }
        return probed;
    }

    /**
     * Invokes {@code e}, unwrapping what it throws.
     *
     * @param e        the method or constructor
     * @param instance the receiver of an instance method
     * @param args     the arguments
     */
    public static void invoke(Executable e, Object instance, Object[] args) throws Exception {
        try {
            if (e instanceof Constructor<?> c) {
                c.newInstance(args);
            } else {
                Method m = (Method) e;
                m.invoke(Modifier.isStatic(m.getModifiers()) ? null : instance, args);
            }
        } catch (InvocationTargetException wrapped) {
            if (wrapped.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw wrapped;
        }
    }
}
