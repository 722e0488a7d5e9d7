package oms.order.client;

/**
 * A dependency could not give an answer: connection refused, timeout, 5xx, or its breaker is open.
 * Unless the request never left (no connection, open breaker), its outcome is unknown: it may have happened.
 */
public class DownstreamUnavailable extends RuntimeException {

    private final String dependency;
    private final boolean outcomeUnknown;

    public DownstreamUnavailable(String dependency, String reason, boolean outcomeUnknown, Throwable cause) {
        super(dependency + " unavailable: " + reason, cause);
        this.dependency = dependency;
        this.outcomeUnknown = outcomeUnknown;
    }

    private DownstreamUnavailable(DownstreamUnavailable last) {
        super(last.getMessage() + " (an earlier try got no answer)", last);
        this.dependency = last.dependency;
        this.outcomeUnknown = true;
    }

    /** The same failure, known to follow a try whose outcome is unknown: the call as a whole may have taken effect. */
    DownstreamUnavailable afterAnUnknownTry() {
        return outcomeUnknown ? this : new DownstreamUnavailable(this);
    }

    /** True when the call may have taken effect although no answer came back. */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }

    public String dependency() {
        return dependency;
    }
}
