package org.threshold;

/** The base of every exception Threshold throws on purpose; its message is meant for the user. */
public class ThresholdException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ThresholdException(String message) {
        super(message);
    }

    public ThresholdException(String message, Throwable cause) {
        super(message, cause);
    }
}
