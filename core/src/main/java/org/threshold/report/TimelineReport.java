package org.threshold.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.threshold.Assessment;
import org.threshold.Explanation;
import org.threshold.RulePack;
import org.threshold.Threshold;
import org.threshold.fact.Event;
import org.threshold.fact.Pressure;
import org.threshold.fact.Retaliation;
import org.threshold.fact.Strike;
import org.threshold.fact.Threat;
import org.threshold.fact.ThresholdCrossing;
import org.threshold.timeline.Step;
import org.threshold.timeline.Timeline;
import org.threshold.timeline.Transition;

/** A {@link Timeline} as JSON, CSV or text. Numbers are rounded as in {@link JsonReport}. */
public final class TimelineReport {

    private TimelineReport() {
    }

    /**
     * The timeline as one JSON object: scenario, from, to, step, the steps (day, posture,
     * riskLevel, metrics, the conclusions that hold as {@link JsonReport#conclusions} gives
     * them, and that step's events, each marked
     * {@code generated} where the policy made it), the transitions with their explanations, and
     * the final assessment in the shape of {@link JsonReport}.
     */
    public static ObjectNode tree(Timeline t) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("scenario", t.scenario());
        root.put("from", t.from().toString());
        root.put("to", t.to().toString());
        root.put("step", t.stepDays() + "d");
        ArrayNode steps = root.putArray("steps");
        for (Step s : t.steps()) {
            Assessment a = s.assessment();
            ObjectNode step = steps.addObject();
            step.put("day", s.day().toString());
            step.put("posture", a.posture() == null ? null : a.posture().name());
            step.put("riskLevel", a.riskLevel() == null ? null : a.riskLevel().name());
            ObjectNode metrics = step.putObject("metrics");
            a.metrics().forEach((k, v) -> metrics.put(k, JsonReport.round(v)));
            JsonReport.conclusions(step.putArray("conclusions"), a);
            ArrayNode events = step.putArray("events");
            for (Event e : s.events()) {
                ObjectNode event = events.addObject();
                describe(e, event);
                event.put("generated", s.isGenerated(e));
            }
        }
        ArrayNode transitions = root.putArray("transitions");
        for (Transition tr : t.transitions()) {
            ObjectNode o = transitions.addObject();
            o.put("day", tr.day().toString());
            o.put("subject", tr.subject());
            o.put("before", tr.before());
            o.put("after", tr.after());
            ArrayNode because = o.putArray("because");
            tr.because().forEach(e -> because.add(e.toString()));
            if (!tr.sources().isEmpty()) {
                ArrayNode sources = o.putArray("sources");
                tr.sources().forEach(sources::add);
            }
        }
        root.set("final", JsonReport.tree(t.last().assessment()));
        return root;
    }

    /** {@link #tree(Timeline)} as indented JSON. */
    public static String toJson(Timeline t) {
        return JsonReport.write(tree(t));
    }

    /**
     * One row a step: day, posture, riskLevel, every metric, the conclusions that hold (joined by
     * {@code ;}), and the step's events with the policy's marked {@code generated}.
     */
    public static String toCsv(Timeline t) {
        Set<String> metricNames = new LinkedHashSet<>();
        t.steps().forEach(s -> metricNames.addAll(s.assessment().metrics().keySet()));
        StringBuilder sb = new StringBuilder("day,posture,riskLevel");
        metricNames.forEach(m -> sb.append(',').append(m));
        sb.append(",conclusions,events\n");
        for (Step s : t.steps()) {
            Assessment a = s.assessment();
            sb.append(s.day()).append(',').append(a.posture()).append(',').append(a.riskLevel());
            for (String m : metricNames) {
                Double v = a.metrics().get(m);
                sb.append(',').append(v == null ? "" : Double.toString(JsonReport.round(v)));
            }
            sb.append(',').append(quote(String.join(";", a.conclusionTypes())));
            List<String> events = new ArrayList<>();
            for (Event e : s.events()) {
                events.add(lineWithSource(e) + (s.isGenerated(e) ? " (generated)" : ""));
            }
            sb.append(',').append(quote(String.join("; ", events))).append('\n');
        }
        return sb.toString();
    }

    /**
     * A report for a person: one line a step, then the transitions with their reasons. The columns
     * beside the posture and risk level are the timeline metrics of the packs on the class path
     * ({@link RulePack#timelineMetrics()}).
     */
    public static String toText(Timeline t) {
        Map<String, String> columns = new LinkedHashMap<>();
        Threshold.discoveredPacks().forEach(p -> p.timelineMetrics().forEach(columns::putIfAbsent));
        return toText(t, columns);
    }

    /**
     * A report for a person, as {@link #toText(Timeline)}, with these columns: a short label
     * (such as {@code Q}) for each metric shown, in order.
     */
    public static String toText(Timeline t, Map<String, String> columns) {
        StringBuilder sb = new StringBuilder();
        String nl = System.lineSeparator();
        sb.append("Scenario ").append(t.scenario()).append(", simulated from ").append(t.from()).append(" to ")
                .append(t.to()).append(", reported every ").append(t.stepDays()).append(t.stepDays() == 1 ? " day" : " days")
                .append(nl).append(nl);
        sb.append(String.format(Locale.ROOT, "  %-10s  %-8s  %-9s", "day", "posture", "risk"));
        columns.keySet().forEach(label -> sb.append(String.format(Locale.ROOT, "  %6s", label)));
        sb.append("  conclusions").append(nl);
        for (Step s : t.steps()) {
            Assessment a = s.assessment();
            sb.append(String.format(Locale.ROOT, "  %-10s  %-8s  %-9s", s.day(), a.posture(), a.riskLevel()));
            columns.values().forEach(metric -> sb.append(String.format(Locale.ROOT, "  %6.3f", metric(a, metric))));
            sb.append("  ").append(String.join(", ", a.conclusionTypes()));
            if (!s.generated().isEmpty()) {
                sb.append("  [policy: ");
                List<String> made = new ArrayList<>();
                s.generated().forEach(e -> made.add(line(e)));
                sb.append(String.join("; ", made)).append(']');
            }
            sb.append(nl);
        }
        sb.append(nl).append("Transitions (").append(t.transitions().size()).append(')').append(nl);
        if (t.transitions().isEmpty()) {
            sb.append("  none").append(nl);
        }
        for (Transition tr : t.transitions()) {
            sb.append("  ").append(tr.day()).append("  ");
            if (Transition.HOLDS.equals(tr.after())) {
                sb.append(tr.subject()).append(" begins");
            } else if (Transition.DOES_NOT_HOLD.equals(tr.after())) {
                sb.append(tr.subject()).append(" ends");
            } else {
                sb.append(tr.subject()).append(' ').append(tr.before()).append(" -> ").append(tr.after());
            }
            sb.append(nl);
            String lead = Transition.DOES_NOT_HOLD.equals(tr.after()) ? "had held because " : "because ";
            for (Explanation e : tr.because()) {
                sb.append("      ").append(lead).append(e).append(nl);
            }
            if (!tr.sources().isEmpty()) {
                sb.append("      sources ").append(String.join(", ", tr.sources())).append(nl);
            }
        }
        return sb.toString();
    }

    private static double metric(Assessment a, String name) {
        Double v = a.metrics().get(name);
        return v == null ? Double.NaN : v;
    }

    /** An event in a few words, such as {@code STRIKE PROXY CAPITAL 0.6}. */
    public static String line(Event e) {
        if (e instanceof Strike s) {
            return s.day() + " STRIKE " + s.by() + " " + s.target() + " " + s.severity();
        } else if (e instanceof Threat th) {
            return th.day() + " THREAT " + th.severity();
        } else if (e instanceof Retaliation r) {
            return r.day() + " RETALIATION " + r.severity();
        } else if (e instanceof Pressure p) {
            return p.day() + " PRESSURE " + p.kind() + " " + p.magnitude();
        } else if (e instanceof ThresholdCrossing x) {
            return x.day() + " THRESHOLD_CROSSING";
        }
        return e.day() + " " + e;
    }

    /** {@link #line(Event)}, with the event's source cited in brackets where it has one. */
    public static String lineWithSource(Event e) {
        return e.source() == null ? line(e) : line(e) + " [" + e.source().citation() + "]";
    }

    private static void describe(Event e, ObjectNode o) {
        o.put("day", e.day().toString());
        if (e instanceof Strike s) {
            o.put("type", "STRIKE");
            o.put("by", s.by().name());
            o.put("target", s.target().name());
            o.put("severity", JsonReport.round(s.severity()));
        } else if (e instanceof Threat th) {
            o.put("type", "THREAT");
            o.put("severity", JsonReport.round(th.severity()));
        } else if (e instanceof Retaliation r) {
            o.put("type", "RETALIATION");
            o.put("severity", JsonReport.round(r.severity()));
        } else if (e instanceof Pressure p) {
            o.put("type", "PRESSURE");
            o.put("kind", p.kind().name());
            o.put("magnitude", JsonReport.round(p.magnitude()));
        } else if (e instanceof ThresholdCrossing) {
            o.put("type", "THRESHOLD_CROSSING");
        } else {
            o.put("type", e.getClass().getSimpleName());
            o.put("description", e.toString());
        }
        if (e.source() != null) {
            ObjectNode source = o.putObject("source");
            org.threshold.fact.Source src = e.source();
            if (src.dataset() != null) {
                source.put("dataset", src.dataset());
            }
            if (src.id() != null) {
                source.put("id", src.id());
            }
            if (src.url() != null) {
                source.put("url", src.url());
            }
            if (src.note() != null) {
                source.put("note", src.note());
            }
        }
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains(";") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
