package org.threshold;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.threshold.fact.Posture;
import org.threshold.fact.RiskLevel;

/**
 * The result of assessing a scenario: a value to keep, compare and serialise.
 *
 * <p>{@link #posture()} and {@link #riskLevel()} are null only where the rule packs conclude
 * none (a user pack that replaces the default one may not).
 *
 * @param scenario the scenario's name
 * @param asOf the day of the assessment
 * @param posture the observer's posture
 * @param postureBecause why the posture holds
 * @param riskLevel the escalation risk level
 * @param riskLevelBecause why the risk level holds
 * @param metrics every metric, in the order the packs declare them, then any others by name
 * @param conclusions the conclusions that hold, in the order the packs declare them, then others by name
 */
public record Assessment(
        String scenario,
        LocalDate asOf,
        Posture posture,
        List<Explanation> postureBecause,
        RiskLevel riskLevel,
        List<Explanation> riskLevelBecause,
        Map<String, Double> metrics,
        List<Finding> conclusions) {

    public Assessment {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(asOf, "asOf");
        postureBecause = List.copyOf(postureBecause);
        riskLevelBecause = List.copyOf(riskLevelBecause);
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        conclusions = List.copyOf(conclusions);
    }

    /** Whether the conclusion {@code type} holds. */
    public boolean holds(String type) {
        return finding(type).isPresent();
    }

    /** The conclusion {@code type}, where it holds. */
    public Optional<Finding> finding(String type) {
        for (Finding f : conclusions) {
            if (f.type().equals(type)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The names of the conclusions that hold, in order. */
    public List<String> conclusionTypes() {
        return conclusions.stream().map(Finding::type).toList();
    }

    /**
     * The value of the metric {@code name}.
     *
     * @throws IllegalArgumentException where no rule computed such a metric
     */
    public double metric(String name) {
        Double v = metrics.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no metric named '" + name + "'. "
                    + Suggestions.hint(name, metrics.keySet(), "metrics"));
        }
        return v;
    }
}
