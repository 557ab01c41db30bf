package org.threshold;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Why something holds: the rule that concluded it, the rule's own words, and the facts the rule
 * matched, all as the engine recorded them when it justified the conclusion.
 *
 * @param rule the name of the rule, as written in its {@code .drl} file
 * @param reason the rule's account in words; empty where the rule gave none
 * @param facts the facts the rule matched, in the order of its patterns
 * @param bindings the rule's bound variables ({@code $h}, ...) with their values
 */
public record Explanation(String rule, String reason, List<Object> facts, Map<String, Object> bindings) {

    public Explanation {
        Objects.requireNonNull(rule, "rule");
        reason = reason == null ? "" : reason;
        facts = List.copyOf(facts);
        bindings = Map.copyOf(bindings);
    }

    /** One line: {@code rule 'NAME': reason}, or the matched facts where the rule gave no reason. */
    @Override
    public String toString() {
        if (!reason.isEmpty()) {
            return "rule '" + rule + "': " + reason;
        }
        return "rule '" + rule + "': matched " + facts;
    }
}
