package org.threshold.scenario;

import static org.threshold.scenario.MessageText.shown;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.threshold.InvalidScenarioException;
import org.threshold.Suggestions;

/**
 * Typed access to a tree of {@link Node}s, where every wrong value becomes an
 * {@link InvalidScenarioException} naming the file, the value's line and column, its field and
 * what was expected. The base of the readers that turn a tree into something of the domain.
 */
abstract class AbstractTreeReader {

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private final String source;

    /** A reader naming {@code source} in messages. */
    AbstractTreeReader(String source) {
        this.source = source;
    }

    Node.MapNode map(Node node, String path, String expected) {
        if (node instanceof Node.MapNode m) {
            return m;
        }
        throw error(node.line(), node.column(), path, "expected " + expected + ", got " + node.describe());
    }

    Node.ListNode list(Node node, String path, String expected) {
        if (node instanceof Node.ListNode l) {
            return l;
        }
        throw error(node.line(), node.column(), path, "expected " + expected + ", got " + node.describe());
    }

    Node required(Node.MapNode m, String path, String key, String expected) {
        Node n = m.entries().get(key);
        if (n == null) {
            throw error(m.line(), m.column(), path, "missing required key '" + key + "': " + expected);
        }
        return n;
    }

    /** A section that may be left out; an explicitly empty one ({@code adversary:}) counts as left out. */
    static Node optionalSection(Node.MapNode m, String key) {
        Node n = m.entries().get(key);
        if (n instanceof Node.Scalar s && s.kind() == Node.Scalar.Kind.NULL) {
            return null;
        }
        return n;
    }

    void checkKeys(Node.MapNode m, String path, List<String> valid, String what) {
        Set<String> validSet = new LinkedHashSet<>(valid);
        for (Map.Entry<String, int[]> e : m.keyPlaces().entrySet()) {
            String key = e.getKey();
            if (!validSet.contains(key)) {
                int[] place = e.getValue();
                String field = path.isEmpty() ? shown(key) : path + "." + shown(key);
                throw error(place[0], place[1], field, "unknown key '" + shown(key) + "'"
                        + (path.isEmpty() ? "" : " in " + path) + ". " + Suggestions.hint(shown(key), validSet, what));
            }
        }
    }

    String text(Node node, String path) {
        if (node instanceof Node.Scalar s && s.kind() != Node.Scalar.Kind.NULL) {
            return s.text();
        }
        throw error(node.line(), node.column(), path, "expected a text value, got " + node.describe());
    }

    LocalDate date(Node node, String path) {
        if (!(node instanceof Node.Scalar s) || s.kind() != Node.Scalar.Kind.STRING) {
            throw error(node.line(), node.column(), path, "expected an ISO date like 2026-11-24, got " + node.describe());
        }
        String t = s.text().trim();
        if (!t.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw error(node.line(), node.column(), path, "expected an ISO date like 2026-11-24 (year-month-day), got '" + shown(t) + "'");
        }
        try {
            return LocalDate.parse(t, ISO_DATE);
        } catch (DateTimeParseException e) {
            throw error(node.line(), node.column(), path, "'" + t + "' is not a date that exists; expected a real calendar day like 2026-11-24");
        }
    }

    double number(Node node, String path, String expected) {
        if (node instanceof Node.Scalar s && (s.kind() == Node.Scalar.Kind.INTEGER || s.kind() == Node.Scalar.Kind.FLOAT)) {
            if (!Double.isFinite(s.number())) {
                throw error(node.line(), node.column(), path, "expected " + expected + ", got " + shown(s.text())
                        + " (NaN and infinities are not numbers here)");
            }
            return s.number() + 0.0; // -0.0 reads as 0.0, so equal files give equal scenarios
        }
        throw error(node.line(), node.column(), path, "expected " + expected + ", got " + node.describe());
    }

    double score(Node.MapNode m, String path, String key) {
        Node n = m.entries().get(key);
        String field = path.isEmpty() ? key : path + "." + key;
        double v = number(n, field, "a score: a number in [0, 1]");
        if (v < 0.0 || v > 1.0) {
            throw error(n.line(), n.column(), field, "expected a score: a number in [0, 1], got " + shown(((Node.Scalar) n).text()));
        }
        return v;
    }

    /** A score that may be left out, and then counts 0. */
    double scoreOr0(Node.MapNode m, String path, String key) {
        return m.entries().containsKey(key) ? score(m, path, key) : 0.0;
    }

    <E extends Enum<E>> E enumValue(Node node, String path, Class<E> type) {
        Set<String> names = new LinkedHashSet<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name());
        }
        if (!(node instanceof Node.Scalar s) || s.kind() != Node.Scalar.Kind.STRING) {
            throw error(node.line(), node.column(), path, "expected one of " + String.join(", ", names) + ", got " + node.describe());
        }
        String t = s.text().trim().toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(t)) {
                return e;
            }
        }
        throw error(node.line(), node.column(), path, "unknown value '" + shown(s.text()) + "'; expected one of "
                + String.join(", ", names) + ". " + Suggestions.hint(shown(t), names, "values"));
    }

    InvalidScenarioException error(int line, int column, String field, String problem) {
        return new InvalidScenarioException(source, line, column, field, problem);
    }
}
