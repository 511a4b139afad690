package io.github.rejoinerbroadleaf.delivery;

/**
 * Thrown by a {@link PayloadBuilder} when a row's body can never be built; the message is the
 * reason an operator sees in the delivery log (no personal data, e.g. no e-mail address).
 */
public class PayloadUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public PayloadUnavailableException(String reason) {
        super(reason);
    }
}
