package org.threshold.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.threshold.InvalidScenarioException;
import org.threshold.Scenario;
import org.threshold.Suggestions;
import org.threshold.analysis.InvalidParameterException;
import org.threshold.ensemble.Distribution;
import org.threshold.ensemble.ParameterDomain;
import org.threshold.ensemble.Uncertainty;
import org.threshold.ensemble.UncertaintyCheck;

/**
 * Reads a scenario file's {@code uncertainty:} section against the scenario it belongs to (the
 * paths depend on its factions, events and calibration keys): each key a parameter path, each
 * value one distribution, {@code {uniform: [low, high]}}, {@code {triangular: [low, mode, high]}},
 * {@code {normal: [mean, sd]}} or {@code {choice: [a, b, ...]}}, inside the parameter's valid
 * values. Every mistake is an {@link InvalidScenarioException} with its place.
 */
final class UncertaintySection {

    private static final List<String> DISTRIBUTIONS = List.of("uniform", "triangular", "normal", "choice");
    private static final String EXAMPLE = "{uniform: [0.6, 1.0]}, {triangular: [0.2, 0.35, 0.6]}, {normal: [0.25, 0.05]} "
            + "or {choice: [21, 30, 45]}";

    private final String source;

    UncertaintySection(String source) {
        this.source = source;
    }

    Uncertainty read(Node node, Scenario scenario) {
        if (node instanceof Node.Scalar empty && empty.kind() == Node.Scalar.Kind.STRING && empty.text().isEmpty()) {
            return Uncertainty.NONE; // "uncertainty:" at the end of the file, with nothing after it
        }
        if (!(node instanceof Node.MapNode section)) {
            throw error(node, "uncertainty", "expected a mapping of parameter paths to distributions, like "
                    + "adversary.capacity: {uniform: [0.6, 1.0]}; got " + node.describe());
        }
        Map<String, Distribution> parameters = new LinkedHashMap<>();
        Map<String, String> givenAs = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : section.entries().entrySet()) {
            String key = e.getKey();
            int[] place = section.keyPlaces().get(key);
            String field = "uncertainty." + MessageText.shown(key);
            String path;
            try {
                path = ParameterDomain.canonical(scenario, key);
            } catch (InvalidParameterException ex) {
                throw new InvalidScenarioException(source, place[0], place[1], field, ex.getMessage()
                        .replace("unknown parameter '" + key + "'", "unknown parameter '" + MessageText.shown(key) + "'"));
            }
            String before = givenAs.put(path, key);
            if (before != null) {
                throw new InvalidScenarioException(source, place[0], place[1], field, "'" + MessageText.shown(key)
                        + "' is the same parameter as '" + before + "', given before; each parameter may be uncertain once");
            }
            Distribution d = distribution(e.getValue(), field);
            String problem = UncertaintyCheck.problem(ParameterDomain.of(path), d);
            if (problem != null) {
                throw error(e.getValue(), field, problem);
            }
            parameters.put(path, d);
        }
        String combination = UncertaintyCheck.combinationProblem(scenario, parameters);
        if (combination != null) {
            throw error(section, "uncertainty", combination);
        }
        return new Uncertainty(parameters);
    }

    private Distribution distribution(Node node, String field) {
        if (!(node instanceof Node.MapNode m) || m.entries().size() != 1) {
            throw error(node, field, "expected one distribution, like " + EXAMPLE + "; got "
                    + (node instanceof Node.MapNode m2 ? (m2.entries().isEmpty() ? "an empty mapping"
                            : "a mapping of " + m2.entries().size() + " keys") : node.describe()));
        }
        Map.Entry<String, Node> only = m.entries().entrySet().iterator().next();
        String name = only.getKey();
        int[] place = m.keyPlaces().get(name);
        if (!DISTRIBUTIONS.contains(name)) {
            throw new InvalidScenarioException(source, place[0], place[1], field + "." + MessageText.shown(name),
                    "unknown distribution '" + MessageText.shown(name) + "'. "
                            + Suggestions.hint(MessageText.shown(name), DISTRIBUTIONS, "distributions"));
        }
        String at = field + "." + name;
        Node argsNode = only.getValue();
        String shape = switch (name) {
            case "uniform" -> "[low, high]";
            case "triangular" -> "[low, mode, high]";
            case "normal" -> "[mean, sd]";
            default -> "[a, b, ...], at least one value";
        };
        if (!(argsNode instanceof Node.ListNode list)) {
            throw error(argsNode, at, "expected a list of numbers " + shape + ", got " + argsNode.describe());
        }
        List<Double> args = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            args.add(number(list.items().get(i), at + "[" + i + "]"));
        }
        int expected = switch (name) {
            case "uniform", "normal" -> 2;
            case "triangular" -> 3;
            default -> -1;
        };
        if (expected > 0 && args.size() != expected) {
            throw error(argsNode, at, name + " takes " + expected + " numbers " + shape + ", got " + args.size());
        }
        switch (name) {
            case "uniform" -> {
                if (args.get(0) > args.get(1)) {
                    throw error(argsNode, at, "low " + shownNumber(args.get(0)) + " > high "
                            + shownNumber(args.get(1)) + "; expected [low, high] with low <= high");
                }
                return new Distribution.Uniform(args.get(0), args.get(1));
            }
            case "triangular" -> {
                double low = args.get(0);
                double mode = args.get(1);
                double high = args.get(2);
                if (low > high) {
                    throw error(argsNode, at, "low " + shownNumber(low) + " > high " + shownNumber(high)
                            + "; expected [low, mode, high] with low <= mode <= high");
                }
                if (mode < low || mode > high) {
                    throw error(argsNode, at, "the mode " + shownNumber(mode) + " is outside [low, high] = ["
                            + shownNumber(low) + ", " + shownNumber(high) + "]; expected low <= mode <= high");
                }
                return new Distribution.Triangular(low, mode, high);
            }
            case "normal" -> {
                if (args.get(1) <= 0) {
                    throw error(list.items().get(1), at + "[1]", "the sd " + shownNumber(args.get(1))
                            + " is not above 0; expected [mean, sd] with sd > 0");
                }
                return new Distribution.Normal(args.get(0), args.get(1));
            }
            default -> {
                if (args.isEmpty()) {
                    throw error(argsNode, at, "an empty choice; expected at least one value, like {choice: [21, 30, 45]}");
                }
                return new Distribution.Choice(args);
            }
        }
    }

    private static String shownNumber(double v) {
        return UncertaintyCheck.num(v);
    }

    private double number(Node node, String field) {
        if (node instanceof Node.Scalar s && (s.kind() == Node.Scalar.Kind.INTEGER || s.kind() == Node.Scalar.Kind.FLOAT)) {
            if (!Double.isFinite(s.number())) {
                throw error(node, field, "expected a finite number, got " + MessageText.shown(s.text())
                        + " (NaN and infinities are not numbers here)");
            }
            return s.number() + 0.0;
        }
        throw error(node, field, "expected a number, got " + node.describe());
    }

    private InvalidScenarioException error(Node node, String field, String problem) {
        return new InvalidScenarioException(source, node.line(), node.column(), field, problem);
    }
}
