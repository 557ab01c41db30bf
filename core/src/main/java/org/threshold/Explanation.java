package org.threshold;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.threshold.fact.Reason;

/**
 * Why something holds: the rule that concluded it, the rule's own words, and the facts the rule
 * matched, all as the engine recorded them when it justified the conclusion. A value: equal
 * rules, reasons, facts and bindings make equal explanations.
 *
 * <p>The words are formatted when first read, so an assessment nobody explains costs no text.
 */
public final class Explanation {

    private final String rule;
    private final Reason reason;
    private final List<Object> facts;
    private final Map<String, Object> bindings;
    private String text;

    /**
     * @param rule the name of the rule, as written in its {@code .drl} file
     * @param reason the rule's account in words; null where the rule gave none
     * @param facts the facts the rule matched, in the order of its patterns
     * @param bindings the rule's bound variables ({@code $h}, ...) with their values
     */
    public Explanation(String rule, Reason reason, List<Object> facts, Map<String, Object> bindings) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.reason = reason;
        this.facts = List.copyOf(facts);
        this.bindings = Map.copyOf(bindings);
    }

    /** The name of the rule that concluded this. */
    public String rule() {
        return rule;
    }

    /** The rule's account in words; empty where the rule gave none. */
    public String reason() {
        String t = text;
        if (t == null) {
            try {
                t = reason == null ? "" : reason.text();
            } catch (java.util.IllegalFormatException e) {
                throw new RuleFailureException(badFormat(rule, reason, e), e);
            }
            text = t;
        }
        return t;
    }

    /** The message for a rule whose reason's format does not fit its arguments. */
    static String badFormat(String rule, Reason reason, java.util.IllegalFormatException e) {
        return "rule '" + rule + "' gave a reason whose format does not fit its arguments: Reason.of( \""
                + reason.format() + "\", " + java.util.Arrays.toString(reason.args()) + " ): " + e.getClass().getSimpleName()
                + " (" + e.getMessage() + "). Maybe use %s, which fits any argument.";
    }

    /** The facts the rule matched, in the order of its patterns. */
    public List<Object> facts() {
        return facts;
    }

    /** The rule's bound variables with their values. */
    public Map<String, Object> bindings() {
        return bindings;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Explanation e && rule.equals(e.rule) && Objects.equals(reason, e.reason)
                && facts.equals(e.facts) && bindings.equals(e.bindings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rule, reason, facts, bindings);
    }

    /** One line: {@code rule 'NAME': reason}, or the matched facts where the rule gave no reason. */
    @Override
    public String toString() {
        String words = reason();
        if (!words.isEmpty()) {
            return "rule '" + rule + "': " + words;
        }
        return "rule '" + rule + "': matched " + facts;
    }
}
