package org.threshold;

/**
 * Rules failed while reasoning: a rule's action or condition threw, the rules kept firing past the
 * firing limit or ran past the time limit, a reason did not fit its format, a conclusion was
 * inserted as a plain fact, or the assessment lacks what its packs promise. The message names the
 * rule (and where it is written) where that can be known. No partial assessment is returned.
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
