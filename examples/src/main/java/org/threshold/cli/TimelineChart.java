package org.threshold.cli;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import org.threshold.Assessment;
import org.threshold.timeline.Step;
import org.threshold.timeline.Timeline;
import org.threshold.timeline.Transition;

/**
 * The essay's central image: the observer's confidence Q, the escalation risk R and humiliation H
 * against time, over the bands of the risk levels, with every transition numbered on its day and
 * listed under the chart. The title and caption say what the data say. One layout draws both the
 * PNG (Java 2D) and the SVG, whose text stays text.
 *
 * <p>Implementation notes: XChart draws its text as glyph outlines and chooses its own date
 * ticks, so this chart, which needs month ticks, labels that never overlap the curves, and
 * searchable text in the HTML report, is laid out here on a small {@link Canvas}.
 */
final class TimelineChart {

    static final int WIDTH = 1200;

    private static final int LEFT = 70;
    private static final int RIGHT = WIDTH - 120;
    private static final int PLOT = 400;
    private static final int KEY_LINE = 17;

    static final Color Q = new Color(31, 119, 180);
    static final Color R = new Color(214, 39, 40);
    static final Color H = new Color(110, 110, 110);
    private static final Color GRID = new Color(225, 225, 225);
    private static final Color TEXT = new Color(40, 40, 40);
    private static final Color MUTED = new Color(95, 95, 95);
    private static final Color[] BAND = {new Color(255, 246, 204), new Color(255, 226, 196), new Color(253, 208, 204)};

    private final Timeline t;
    private final Map<String, Double> bands;
    private final boolean key;
    private final List<Group> groups;
    private final int height;
    private final int top;
    private final int bottom;

    /** The transitions of one day, with the number they carry on the chart. */
    record Group(int number, LocalDate day, List<String> changes) {
    }

    /**
     * @param bands the risk levels' lower bounds by name, such as ELEVATED 0.25, in rising order;
     *              empty for none
     * @param key   whether the title, the caption and the list of transitions are drawn with the
     *              chart (the HTML report gives them as text of the page instead)
     */
    TimelineChart(Timeline t, Map<String, Double> bands, boolean key) {
        this.t = t;
        // the bands are the levels of R: without R there is nothing for them to read against
        this.bands = t.last().assessment().metrics().containsKey("escalationRisk") ? bands : Map.of();
        this.key = key;
        this.groups = groups(t);
        this.top = key ? 132 : 62;
        this.bottom = top + PLOT;
        int keyHeight = 0;
        if (key) {
            for (Group g : groups) {
                keyHeight += KEY_LINE * wrap(keyLine(g), WIDTH - LEFT - 60, 12.5f).size();
            }
        }
        this.height = bottom + 84 + (key && !groups.isEmpty() ? 32 + KEY_LINE + keyHeight : 0);
    }

    /** The risk levels' lower bounds from a calibration's keys {@code risk.elevated}, {@code risk.high}, {@code risk.critical}. */
    static Map<String, Double> riskBands(Map<String, Double> calibration) {
        Map<String, Double> bands = new LinkedHashMap<>();
        for (String level : List.of("elevated", "high", "critical")) {
            Double v = calibration.get("risk." + level);
            if (v != null) {
                bands.put(level.toUpperCase(Locale.ROOT), v);
            }
        }
        return bands;
    }

    int height() {
        return height;
    }

    List<Group> groups() {
        return groups;
    }

    static List<Group> groups(Timeline t) {
        Map<LocalDate, List<String>> byDay = new LinkedHashMap<>();
        for (Transition tr : t.transitions()) {
            byDay.computeIfAbsent(tr.day(), d -> new ArrayList<>()).add(change(tr));
        }
        List<Group> groups = new ArrayList<>();
        byDay.forEach((day, changes) -> groups.add(new Group(groups.size() + 1, day, List.copyOf(changes))));
        return groups;
    }

    /** A transition in a few words: "MISCALIBRATION begins", "posture HOLD → PRESS". */
    static String change(Transition tr) {
        if (Transition.HOLDS.equals(tr.after())) {
            return tr.subject() + " begins";
        }
        if (Transition.DOES_NOT_HOLD.equals(tr.after())) {
            return tr.subject() + " ends";
        }
        String subject = Transition.RISK_LEVEL.equals(tr.subject()) ? "risk level" : tr.subject();
        return subject + " " + tr.before() + " \u2192 " + tr.after();
    }

    /** The title, from the data: how confidence and risk moved from the first day to the last. */
    String title() {
        String q = trend("observer confidence", "observerConfidence");
        String r = trend("escalation risk", "escalationRisk");
        boolean bothRise = q.contains(" rises") && r.contains(" rises");
        return t.scenario() + ": " + q + (bothRise ? " while " : "; ") + r;
    }

    /** The caption, from the data: the days, the final state and the transitions. */
    String caption() {
        Assessment last = t.last().assessment();
        int n = t.transitions().size();
        return "Simulated from " + t.from() + " to " + t.to() + ", reported every " + t.stepDays()
                + (t.stepDays() == 1 ? " day" : " days") + ". " + (last.posture() == null && last.riskLevel() == null
                ? "No posture or risk level (no loaded pack gives them). "
                : "Ends in posture " + (last.posture() == null ? "none" : last.posture()) + ", risk level "
                + (last.riskLevel() == null ? "none" : last.riskLevel()) + ". ") + (n == 0 ? "No transition." : n + (n == 1 ? " transition" : " transitions")
                + " on " + groups.size() + (groups.size() == 1 ? " day" : " days") + ", numbered on the chart"
                + (key ? " and listed below." : "."));
    }

    private String trend(String name, String metric) {
        double first = metric(t.steps().get(0).assessment(), metric);
        double last = metric(t.last().assessment(), metric);
        if (Double.isNaN(first) || Double.isNaN(last)) {
            return name + " not reported";
        }
        if (Math.abs(last - first) < 0.005) {
            return name + " stays at " + fmt(last);
        }
        return name + (last > first ? " rises" : " falls") + " from " + fmt(first) + " to " + fmt(last);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static double metric(Assessment a, String name) {
        Double v = a.metrics().get(name);
        return v == null ? Double.NaN : v;
    }

    private double x(LocalDate day) {
        long span = Math.max(1, ChronoUnit.DAYS.between(t.from(), t.to()));
        return LEFT + (RIGHT - LEFT) * (double) ChronoUnit.DAYS.between(t.from(), day) / span;
    }

    private double y(double v) {
        return bottom - (bottom - top) * v;
    }

    /** The days that get a tick: month boundaries, or days for a span under two months. */
    List<LocalDate> ticks() {
        long span = ChronoUnit.DAYS.between(t.from(), t.to());
        List<LocalDate> ticks = new ArrayList<>();
        if (span < 60) {
            int every = span <= 16 ? 1 : 7;
            for (LocalDate d = t.from(); !d.isAfter(t.to()); d = d.plusDays(every)) {
                ticks.add(d);
            }
            return ticks;
        }
        for (LocalDate d = t.from().withDayOfMonth(1).plusMonths(t.from().getDayOfMonth() == 1 ? 0 : 1);
                !d.isAfter(t.to()); d = d.plusMonths(1)) {
            ticks.add(d);
        }
        return ticks;
    }

    void draw(Canvas c) {
        if (key) {
            c.text(LEFT, 32, title(), 17f, true, TEXT, Canvas.Anchor.START, false);
            double cy = 56;
            for (String line : wrap(caption(), WIDTH - LEFT - 20, 13f)) {
                c.text(LEFT, cy, line, 13f, false, MUTED, Canvas.Anchor.START, false);
                cy += 16;
            }
        }

        // the risk levels' bands, under everything else
        List<Map.Entry<String, Double>> levels = new ArrayList<>(bands.entrySet());
        for (int i = 0; i < levels.size(); i++) {
            double low = Math.max(0, Math.min(1, levels.get(i).getValue()));
            double high = i + 1 < levels.size() ? Math.max(0, Math.min(1, levels.get(i + 1).getValue())) : 1.0;
            c.rect(LEFT, y(high), RIGHT - LEFT, y(low) - y(high), BAND[Math.min(i, BAND.length - 1)]);
            c.rect(RIGHT + 6, y(high), 8, y(low) - y(high), BAND[Math.min(i, BAND.length - 1)]);
            c.text(RIGHT + 20, (y(low) + y(high)) / 2 + 4, levels.get(i).getKey(), 11f, false, MUTED, Canvas.Anchor.START, false);
            if (i == 0 && low > 0) {
                c.text(RIGHT + 20, (y(low) + y(0)) / 2 + 4, "LOW", 11f, false, MUTED, Canvas.Anchor.START, false);
            }
        }
        if (!levels.isEmpty()) {
            c.text(RIGHT + 6, top - 8, "risk level of R", 11f, true, MUTED, Canvas.Anchor.START, false);
        }
        for (int i = 0; i <= 10; i++) {
            double v = i / 10.0;
            c.line(LEFT, y(v), RIGHT, y(v), GRID, 1f, false);
            c.text(LEFT - 8, y(v) + 4, String.format(Locale.ROOT, "%.1f", v), 12f, false, TEXT, Canvas.Anchor.END, false);
        }
        c.text(22, (top + bottom) / 2.0, "score (0 to 1): Q, R, H", 13f, true, TEXT, Canvas.Anchor.MIDDLE, true);

        // ticks on month boundaries (days for short spans); label every k-th so labels do not touch
        List<LocalDate> ticks = ticks();
        boolean months = ChronoUnit.DAYS.between(t.from(), t.to()) >= 60;
        String sample = months ? "2026-12" : "2026-12-31";
        double room = (RIGHT - LEFT) / (double) Math.max(1, ticks.size());
        int every = (int) Math.ceil((Canvas.width(sample, 12f, false) + 14) / Math.max(1, room));
        if (months && every > 1) {
            every = every <= 2 ? 2 : every <= 3 ? 3 : every <= 6 ? 6 : 12;
        }
        for (int i = 0; i < ticks.size(); i++) {
            LocalDate d = ticks.get(i);
            boolean labelled = months ? (d.getMonthValue() - 1) % every == 0 : i % every == 0;
            c.line(x(d), bottom, x(d), bottom + (labelled ? 7 : 4), TEXT, 1f, false);
            if (labelled) {
                c.text(x(d), bottom + 22, months ? d.toString().substring(0, 7) : d.toString(), 12f, false, TEXT,
                        Canvas.Anchor.MIDDLE, false);
            }
        }
        c.text((LEFT + RIGHT) / 2.0, bottom + 44, months ? "month (ticks on the first day of each)" : "day", 13f, true,
                TEXT, Canvas.Anchor.MIDDLE, false);
        c.line(LEFT, bottom, RIGHT, bottom, TEXT, 1f, false);
        c.line(LEFT, top, LEFT, bottom, TEXT, 1f, false);

        // transitions: a dashed line on the day, its number in a strip above the plot
        double lastX = Double.NEGATIVE_INFINITY;
        int row = 0;
        for (Group g : groups) {
            double gx = x(g.day());
            c.line(gx, top, gx, bottom, new Color(120, 120, 120), 1f, true);
            row = gx - lastX < 22 ? (row + 1) % 3 : 0;
            double my = top - 12 - 22 * row;
            c.line(gx, my, gx, top, new Color(120, 120, 120), 1f, false);
            c.circle(gx, my, 9.5, new Color(60, 60, 60));
            c.text(gx, my + 4, Integer.toString(g.number()), g.number() > 99 ? 8f : 11f, true, Color.WHITE,
                    Canvas.Anchor.MIDDLE, false);
            lastX = gx;
        }

        series(c, "humiliation", H);
        series(c, "escalationRisk", R);
        series(c, "observerConfidence", Q);

        // legend
        double lx = LEFT;
        double ly = bottom + 68;
        for (Object[] s : new Object[][] {{"observer confidence Q", Q}, {"escalation risk R", R}, {"humiliation H", H}}) {
            c.line(lx, ly - 4, lx + 26, ly - 4, (Color) s[1], 3f, false);
            c.text(lx + 32, ly, (String) s[0], 13f, false, TEXT, Canvas.Anchor.START, false);
            lx += 52 + Canvas.width((String) s[0], 13f, false);
        }

        if (key && !groups.isEmpty()) {
            double ky = bottom + 100;
            c.text(LEFT, ky, "Transitions", 13f, true, TEXT, Canvas.Anchor.START, false);
            ky += KEY_LINE + 2;
            for (Group g : groups) {
                List<String> lines = wrap(keyLine(g), WIDTH - LEFT - 60, 12.5f);
                c.circle(LEFT + 9, ky - 5, 9, new Color(60, 60, 60));
                c.text(LEFT + 9, ky - 1, Integer.toString(g.number()), 10f, true, Color.WHITE, Canvas.Anchor.MIDDLE, false);
                for (String line : lines) {
                    c.text(LEFT + 26, ky, line, 12.5f, false, TEXT, Canvas.Anchor.START, false);
                    ky += KEY_LINE;
                }
            }
        }
    }

    private static String keyLine(Group g) {
        return g.day() + ": " + String.join("; ", g.changes());
    }

    private static List<String> wrap(String text, double width, float size) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String next = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && Canvas.width(next, size, false) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private void series(Canvas c, String name, Color color) {
        List<Step> steps = t.steps();
        double[] xs = new double[steps.size()];
        double[] ys = new double[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            xs[i] = x(steps.get(i).day());
            double v = metric(steps.get(i).assessment(), name);
            ys[i] = Double.isNaN(v) ? Double.NaN : y(Math.max(0, Math.min(1, v)));
        }
        c.polyline(xs, ys, color, 2.4f);
    }

    /** The chart as PNG. */
    BufferedImage image() {
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            draw(new Canvas.Java2D(g));
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The chart as one {@code <svg>} element. */
    String svg() {
        Canvas.Svg svg = new Canvas.Svg(WIDTH, height);
        draw(svg);
        return svg.toSvg(title());
    }

    /** Writes the chart, with its list of transitions, as PNG or SVG by the file's extension. */
    static void write(Timeline t, Map<String, Double> bands, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        TimelineChart chart = new TimelineChart(t, bands, true);
        if (name.endsWith(".svg")) {
            Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + chart.svg(), StandardCharsets.UTF_8);
        } else if (name.endsWith(".png")) {
            if (!ImageIO.write(chart.image(), "png", file.toFile())) {
                throw new IOException("no PNG writer");
            }
        } else {
            throw new IllegalArgumentException("a chart file must end in .png or .svg (" + file + ")");
        }
    }
}
