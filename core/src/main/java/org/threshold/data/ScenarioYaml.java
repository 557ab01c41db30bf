package org.threshold.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.threshold.InvalidScenarioException;
import org.threshold.fact.Event;
import org.threshold.fact.Pressure;
import org.threshold.fact.Retaliation;
import org.threshold.fact.Source;
import org.threshold.fact.Strike;
import org.threshold.fact.Threat;
import org.threshold.fact.ThresholdCrossing;

/** Imported events written as a scenario file: on their own, or added to a scenario file's events, its comments kept. */
public final class ScenarioYaml {

    private static final Pattern EVENTS_KEY = Pattern.compile("^events:\\s*(\\[\\s*\\])?\\s*(#.*)?$");
    private static final Pattern ANY_EVENTS_KEY = Pattern.compile("^events\\s*:.*$");

    private ScenarioYaml() {
    }

    /** A scenario named {@code name} with these events, as of the last event's day (or {@code fallback} where there is none). */
    public static String standalone(String name, List<Event> events, LocalDate fallback, String comment) {
        StringBuilder sb = new StringBuilder();
        for (String line : comment.split("\n")) {
            sb.append("# ").append(line).append('\n');
        }
        LocalDate asOf = events.isEmpty() ? fallback : events.get(events.size() - 1).day();
        sb.append("name: ").append(quote(name)).append('\n');
        sb.append("asOf: ").append(asOf).append('\n');
        sb.append("events:");
        if (events.isEmpty()) {
            sb.append(" []");
        }
        sb.append('\n');
        for (Event e : events) {
            sb.append("  - ").append(line(e)).append('\n');
        }
        return sb.toString();
    }

    /**
     * The scenario file's text with the events added after its own: at the end of its top-level
     * block list {@code events:}, or in a new one at the end of the file.
     *
     * @throws InvalidScenarioException where the file writes its events as a flow list ({@code events: [...]})
     */
    public static String into(String source, String text, List<Event> events, String comment) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        List<String> added = new ArrayList<>();
        added.add("  # " + comment);
        for (Event e : events) {
            added.add("  - " + line(e));
        }
        int key = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (ANY_EVENTS_KEY.matcher(lines.get(i)).matches()) {
                key = i;
                Matcher m = EVENTS_KEY.matcher(lines.get(i));
                if (!m.matches()) {
                    throw new InvalidScenarioException(source, i + 1, 1, "events", "the events are written on one line; "
                            + "to import into this file, write them as a block list (one '- {...}' a line under 'events:')");
                }
                if (m.group(1) != null) {
                    lines.set(i, "events:" + (m.group(2) == null ? "" : " " + m.group(2)));
                }
                break;
            }
        }
        if (key < 0) {
            lines.add("events:");
            lines.addAll(added);
        } else {
            int end = key + 1;
            int last = key;
            while (end < lines.size()) {
                String l = lines.get(end);
                if (!l.isBlank() && !Character.isWhitespace(l.charAt(0)) && !l.startsWith("#") && !l.startsWith("-")) {
                    break;
                }
                if (!l.isBlank() && !l.stripLeading().startsWith("#")) {
                    last = end;
                }
                end++;
            }
            lines.addAll(last + 1, added);
        }
        return String.join("\n", lines) + "\n";
    }

    /** One event as a YAML flow mapping, its source included. */
    public static String line(Event e) {
        StringBuilder sb = new StringBuilder("{day: ").append(e.day());
        if (e instanceof Strike s) {
            sb.append(", type: STRIKE, by: ").append(s.by()).append(", target: ").append(s.target())
                    .append(", severity: ").append(num(s.severity()));
        } else if (e instanceof Threat t) {
            sb.append(", type: THREAT, severity: ").append(num(t.severity()));
        } else if (e instanceof Retaliation r) {
            sb.append(", type: RETALIATION, severity: ").append(num(r.severity()));
        } else if (e instanceof Pressure p) {
            sb.append(", type: PRESSURE, kind: ").append(p.kind()).append(", magnitude: ").append(num(p.magnitude()));
        } else if (e instanceof ThresholdCrossing) {
            sb.append(", type: THRESHOLD_CROSSING");
        } else {
            throw new IllegalArgumentException("no file form for the event " + e);
        }
        Source src = e.source();
        if (src != null) {
            List<String> parts = new ArrayList<>();
            if (src.dataset() != null) {
                parts.add("dataset: " + quote(src.dataset()));
            }
            if (src.id() != null) {
                parts.add("id: " + quote(src.id()));
            }
            if (src.url() != null) {
                parts.add("url: " + quote(src.url()));
            }
            if (src.note() != null) {
                parts.add("note: " + quote(src.note()));
            }
            sb.append(",\n     source: {").append(String.join(", ", parts)).append('}');
        }
        return sb.append('}').toString();
    }

    private static String num(double x) {
        double r = Math.round(x * 1e4) / 1e4;
        return r == Math.rint(r) ? String.valueOf((long) r) + ".0" : String.valueOf(r);
    }

    /** A double-quoted YAML string. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
