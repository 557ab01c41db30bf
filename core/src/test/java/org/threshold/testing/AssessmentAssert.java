package org.threshold.testing;

import java.util.List;
import java.util.Optional;

import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.threshold.Assessment;
import org.threshold.Explanation;
import org.threshold.Finding;
import org.threshold.fact.Posture;
import org.threshold.fact.RiskLevel;

/**
 * AssertJ assertions that read like the model:
 * {@code assertThat(assessment).holds("BOUNDED_ADVERSARY").because("bounded adversary")}.
 */
public class AssessmentAssert extends AbstractAssert<AssessmentAssert, Assessment> {

    public AssessmentAssert(Assessment actual) {
        super(actual, AssessmentAssert.class);
    }

    public static AssessmentAssert assertThat(Assessment actual) {
        return new AssessmentAssert(actual);
    }

    /** The conclusion holds; continue with assertions on it. */
    public FindingAssert holds(String type) {
        isNotNull();
        Optional<Finding> f = actual.finding(type);
        if (f.isEmpty()) {
            failWithMessage("Expected %s to hold, but only %s hold (metrics %s)", type, actual.conclusionTypes(),
                    actual.metrics());
        }
        return new FindingAssert(f.get(), this);
    }

    /** The conclusion does not hold. */
    public AssessmentAssert doesNotHold(String type) {
        isNotNull();
        if (actual.holds(type)) {
            failWithMessage("Expected %s not to hold, but it does: %s", type, actual.finding(type).get().because());
        }
        return this;
    }

    public AssessmentAssert hasPosture(Posture posture) {
        isNotNull();
        if (actual.posture() != posture) {
            failWithMessage("Expected posture %s but was %s because %s", posture, actual.posture(),
                    actual.postureBecause());
        }
        return this;
    }

    /** The posture is {@code posture} and one of its explanations comes from {@code rule}. */
    public AssessmentAssert hasPosture(Posture posture, String rule) {
        hasPosture(posture);
        if (actual.postureBecause().stream().noneMatch(e -> e.rule().equals(rule))) {
            failWithMessage("Expected posture %s because of rule '%s' but it was because %s", posture, rule,
                    actual.postureBecause());
        }
        return this;
    }

    public AssessmentAssert hasRiskLevel(RiskLevel level) {
        isNotNull();
        if (actual.riskLevel() != level) {
            failWithMessage("Expected risk level %s but was %s (escalation risk %s)", level, actual.riskLevel(),
                    actual.metrics().get("escalationRisk"));
        }
        return this;
    }

    /** The metric is {@code expected} within 1e-9. */
    public AssessmentAssert hasMetric(String name, double expected) {
        isNotNull();
        Assertions.assertThat(actual.metrics()).as("metrics").containsKey(name);
        Assertions.assertThat(actual.metric(name)).as("metric %s", name).isCloseTo(expected, Assertions.within(1e-9));
        return this;
    }

    /** Assertions on one finding. */
    public static class FindingAssert extends AbstractAssert<FindingAssert, Finding> {
        private final AssessmentAssert parent;

        FindingAssert(Finding actual, AssessmentAssert parent) {
            super(actual, FindingAssert.class);
            this.parent = parent;
        }

        /** One of the explanations comes from the rule named {@code rule}. */
        public FindingAssert because(String rule) {
            if (actual.because().stream().noneMatch(e -> e.rule().equals(rule))) {
                failWithMessage("Expected %s to hold because of rule '%s' but it holds because %s", actual.type(), rule,
                        actual.because());
            }
            return this;
        }

        /** The explanations come from exactly these rules. */
        public FindingAssert becauseExactly(String... rules) {
            Assertions.assertThat(actual.rules()).as("rules concluding %s", actual.type()).containsExactlyInAnyOrder(rules);
            return this;
        }

        /** Some explanation's text contains {@code text}. */
        public FindingAssert withReasonContaining(String text) {
            List<String> reasons = actual.because().stream().map(Explanation::reason).toList();
            if (reasons.stream().noneMatch(r -> r.contains(text))) {
                failWithMessage("Expected a reason of %s to contain '%s' but the reasons are %s", actual.type(), text,
                        reasons);
            }
            return this;
        }

        /** Some explanation matched a fact equal to {@code fact}. */
        public FindingAssert restingOn(Object fact) {
            if (actual.because().stream().noneMatch(e -> e.facts().contains(fact))) {
                failWithMessage("Expected %s to rest on %s but it rests on %s", actual.type(), fact,
                        actual.because().stream().map(Explanation::facts).toList());
            }
            return this;
        }

        public FindingAssert hasBasis(String basis) {
            Assertions.assertThat(actual.basis()).as("basis of %s", actual.type()).isEqualTo(basis);
            return this;
        }

        public FindingAssert hasStrength(double strength) {
            Assertions.assertThat(actual.strength()).as("strength of %s", actual.type()).isNotNull();
            Assertions.assertThat(actual.strength()).as("strength of %s", actual.type())
                    .isCloseTo(strength, Assertions.within(1e-9));
            return this;
        }

        /** Back to the assessment. */
        public AssessmentAssert and() {
            return parent;
        }
    }
}
