package org.entente.core;

/** The root of Entente's exceptions: every error it raises on purpose is one of these. */
public class EntenteException extends RuntimeException {

    /**
     * An exception with a message that says what was wrong and what would be accepted.
     *
     * @param message the message
     */
    public EntenteException(String message) {
        super(message);
    }

    /**
     * An exception with a message and a cause.
     *
     * @param message the message
     * @param cause the cause
     */
    public EntenteException(String message, Throwable cause) {
        super(message, cause);
    }
}
