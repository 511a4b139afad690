package io.github.rejoinerbroadleaf.broadleaf.admin;

/** The outcome of "Test connection", in words for the settings screen. */
public final class ConnectionTestResult {

    /** What the test came to. */
    public enum Verdict {
        /** Rejoiner answered and accepted the credentials. */
        OK,
        /** Rejoiner refused the API key or signature (401/403). */
        BAD_CREDENTIALS,
        /** No answer: DNS, refused connection, TLS or timeout. */
        UNREACHABLE,
        /** Rejoiner (or whatever is at the URL) answered something else. */
        UNEXPECTED_ANSWER,
        /** The values are not complete enough to call Rejoiner. */
        INCOMPLETE
    }

    private final Verdict verdict;
    private final int httpStatus;
    private final String message;
    private final boolean foreignHost;

    public ConnectionTestResult(Verdict verdict, int httpStatus, String message) {
        this(verdict, httpStatus, message, false);
    }

    public ConnectionTestResult(Verdict verdict, int httpStatus, String message, boolean foreignHost) {
        this.verdict = verdict;
        this.httpStatus = httpStatus;
        this.message = message;
        this.foreignHost = foreignHost;
    }

    /** The test went to a host that is not Rejoiner's own domain (the message warns about it). */
    public boolean isForeignHost() {
        return foreignHost;
    }

    public Verdict getVerdict() {
        return verdict;
    }

    public boolean isOk() {
        return verdict == Verdict.OK;
    }

    /** HTTP status of the answer, 0 when there was none. */
    public int getHttpStatus() {
        return httpStatus;
    }

    /** One or two sentences for the administrator; never contains the secret. */
    public String getMessage() {
        return message;
    }

    @Override
    public String toString() {
        return "ConnectionTestResult{" + verdict + ", status=" + httpStatus + ", '" + message + "'}";
    }
}
