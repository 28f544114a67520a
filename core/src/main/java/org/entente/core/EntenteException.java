package org.entente.core;

/** The root of Entente's exceptions: every error it raises on purpose is one of these. */
public class EntenteException extends RuntimeException {

    /**
     * An exception with a message that says what was wrong and what would be accepted.
     *
     * @param message what was wrong, naming the offending value, and what would be accepted
     */
    public EntenteException(String message) {
        super(message);
    }

    /**
     * An exception with a message and a cause.
     *
     * @param message what was wrong, naming the offending value, and what would be accepted
     * @param cause the lower-level failure that led to it (kept for the stack trace), or null
     */
    public EntenteException(String message, Throwable cause) {
        super(message, cause);
    }
}
