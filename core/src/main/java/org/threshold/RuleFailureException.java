package org.threshold;

/**
 * Rules failed while reasoning: a rule's action threw, or the rules kept firing past the firing
 * limit. No partial assessment is returned.
 */
public class RuleFailureException extends ThresholdException {

    private static final long serialVersionUID = 1L;

    public RuleFailureException(String message) {
        super(message);
    }

    public RuleFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
