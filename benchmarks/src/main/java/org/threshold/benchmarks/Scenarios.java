package org.threshold.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.threshold.Scenario;
import org.threshold.fact.Faction;
import org.threshold.fact.Party;
import org.threshold.fact.Pressure;
import org.threshold.fact.PressureKind;
import org.threshold.fact.Retaliation;
import org.threshold.fact.Signal;
import org.threshold.fact.Stance;
import org.threshold.fact.Strike;
import org.threshold.fact.Target;
import org.threshold.fact.Threat;

/**
 * The scenarios the benchmarks assess: the example files under {@code examples/scenarios}, and
 * two programmatic ones, {@value #EVENTS_30} and {@value #EVENTS_100}.
 *
 * <p>The folder of example files is the system property {@value #FOLDER_PROPERTY}, by default
 * {@value #DEFAULT_FOLDER}, relative to the working directory: run the benchmarks from the
 * repository root, or set the property.
 */
public final class Scenarios {

    /** The system property that names the folder of example scenario files. */
    public static final String FOLDER_PROPERTY = "threshold.scenarios";
    /** The folder of example scenario files when the property is not set. */
    public static final String DEFAULT_FOLDER = "examples/scenarios";
    /** A year of conflict in 30 events: strikes, threats, retaliations and pressure. */
    public static final String EVENTS_30 = "events30";
    /** Two years of the same conflict in 100 events. */
    public static final String EVENTS_100 = "events100";

    private Scenarios() {
    }

    /**
     * The scenario called {@code name}: {@value #EVENTS_30}, {@value #EVENTS_100}, or the example
     * file {@code <name>.yaml} in {@link #folder()}.
     */
    public static Scenario named(String name) {
        return switch (name) {
            case EVENTS_30 -> conflict(EVENTS_30, 30, 365);
            case EVENTS_100 -> conflict(EVENTS_100, 100, 730);
            default -> org.threshold.scenario.ScenarioReader.read(file(name));
        };
    }

    /** The example file of the scenario called {@code name}. */
    public static Path file(String name) {
        Path file = folder().resolve(name + ".yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no scenario file " + file.toAbsolutePath() + " (" + name + "). Maybe run "
                    + "from the repository root, or set -D" + FOLDER_PROPERTY + "=<folder of scenario files>.");
        }
        return file;
    }

    /**
     * The folder of example scenario files: the system property {@value #FOLDER_PROPERTY}, else
     * {@value #DEFAULT_FOLDER} under the working directory or, for a build inside the
     * {@code benchmarks} module, under its parent.
     */
    public static Path folder() {
        String configured = System.getProperty(FOLDER_PROPERTY);
        if (configured != null) {
            return Path.of(configured);
        }
        Path here = Path.of(DEFAULT_FOLDER);
        Path parent = Path.of("..").resolve(DEFAULT_FOLDER);
        return !Files.isDirectory(here) && Files.isDirectory(parent) ? parent : here;
    }

    /** The names of the example scenario files in {@link #folder()}, sorted. */
    public static List<String> exampleNames() {
        try (Stream<Path> files = Files.list(folder())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A conflict of {@code events} events spread over {@code days} days up to a week before the
     * assessment, in a repeating round of ten: four strikes from the front line to the capital
     * (one in five by the observer itself), two threats, two retaliations on the proxy, two
     * packages of pressure. No crossing: the conveyor belt runs on, which is the case the
     * reasoner meets most and the one where every window must be checked. Severities come from a
     * fixed seed, so the scenario is the same on every run.
     */
    public static Scenario conflict(String name, int events, int days) {
        LocalDate asOf = LocalDate.of(2027, 11, 24);
        LocalDate first = asOf.minusDays(days + 7L);
        Random random = new Random(events * 31L + days);
        Scenario.Builder b = Scenario.builder(name, asOf)
                .capacity(0.9)
                .returnTicket(0.7, 0.75, 0.7, 0.6)
                .faction(new Faction("pragmatists", Stance.PRAGMATIC, 0.6))
                .faction(new Faction("security services", Stance.HARDLINE, 0.25))
                .faction(new Faction("war bloggers", Stance.HARDLINE, 0.15))
                .strain(0.45, 0.35, 0.4, 0.3)
                .signal(Signal.LONG_WAR_BUDGETING)
                .signal(Signal.MULTI_YEAR_ARCHITECTURE)
                .signal(Signal.REARMAMENT)
                .cost(Party.OBSERVER, 0.02)
                .cost(Party.PROXY, 0.85);
        Target[] depths = {Target.FRONTLINE, Target.INFRASTRUCTURE, Target.DEEP, Target.CAPITAL};
        PressureKind[] kinds = {PressureKind.SANCTIONS, PressureKind.WEAPONS, PressureKind.PERMISSION};
        int strikes = 0;
        int pressures = 0;
        for (int i = 0; i < events; i++) {
            LocalDate day = first.plusDays((long) i * days / events);
            double severity = 0.2 + 0.1 * random.nextInt(7);
            switch (i % 10) {
                case 0, 2, 5, 8 -> {
                    Party by = strikes % 5 == 4 ? Party.OBSERVER : Party.PROXY;
                    b.event(new Strike(day, by, depths[strikes % depths.length], severity));
                    strikes++;
                }
                case 1, 6 -> b.event(new Threat(day, severity));
                case 3, 9 -> b.event(new Retaliation(day, severity));
                default -> b.event(new Pressure(day, kinds[pressures++ % kinds.length], severity));
            }
        }
        return b.build();
    }
}
