package io.github.rejoinerbroadleaf.delivery;

/** The queue's database could not be read or written by an operations call. */
public class QueueAccessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public QueueAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
