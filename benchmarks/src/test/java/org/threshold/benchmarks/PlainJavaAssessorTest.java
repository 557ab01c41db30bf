package org.threshold.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.annotations.Param;
import org.threshold.Assessment;
import org.threshold.Calibration;
import org.threshold.Finding;
import org.threshold.Reasoner;
import org.threshold.Scenario;
import org.threshold.Threshold;
import org.threshold.fact.Event;
import org.threshold.fact.Faction;
import org.threshold.fact.Party;
import org.threshold.fact.Posture;
import org.threshold.fact.Pressure;
import org.threshold.fact.PressureKind;
import org.threshold.fact.Retaliation;
import org.threshold.fact.RiskLevel;
import org.threshold.fact.Signal;
import org.threshold.fact.Stance;
import org.threshold.fact.Strike;
import org.threshold.fact.Target;
import org.threshold.fact.Threat;
import org.threshold.fact.ThresholdCrossing;
import org.threshold.rules.EssayModel;

/**
 * The baseline computes what the reasoner computes: on every example scenario file, on the
 * benchmarks' programmatic scenarios, on hand-made edge cases and on generated scenarios, the
 * plain-Java assessor gives the same metrics (within 1e-9), the same conclusions, the same
 * posture and the same risk level as {@code reasoner.assess}. Without this the benchmark would
 * compare the engine with something else.
 */
class PlainJavaAssessorTest {

    private static final double TOLERANCE = 1e-9;
    private static final int GENERATED = 400;
    private static final LocalDate AS_OF = LocalDate.of(2027, 6, 1);

    private static Reasoner reasoner;

    @BeforeAll
    static void buildReasoner() {
        reasoner = Threshold.builder().build();
    }

    static List<String> exampleFiles() {
        return Scenarios.exampleNames();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exampleFiles")
    void agreesWithTheReasonerOnEveryExampleFile(String name) {
        assertAgree(Scenarios.named(name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("benchmarkScenarios")
    void agreesWithTheReasonerOnTheProgrammaticScenarios(String name) {
        assertAgree(Scenarios.named(name));
    }

    static List<String> benchmarkScenarios() {
        return List.of(Scenarios.EVENTS_30, Scenarios.EVENTS_100);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edgeCases")
    void agreesWithTheReasonerOnEdgeCases(String name, Scenario scenario) {
        assertAgree(scenario);
    }

    @ParameterizedTest(name = "generated scenario {0}")
    @MethodSource("seeds")
    void agreesWithTheReasonerOnGeneratedScenarios(long seed) {
        assertAgree(generated(seed));
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, GENERATED);
    }

    @Test
    void theBenchmarkCoversEveryExampleFile() {
        String[] params;
        try {
            params = AssessBenchmark.class.getField("scenario")
                    .getAnnotation(Param.class).value();
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
        assertThat(params).contains(Scenarios.exampleNames().toArray(String[]::new))
                .contains(Scenarios.EVENTS_30, Scenarios.EVENTS_100);
    }

    @Test
    void theProgrammaticScenariosHaveTheirSizeAndAMix() {
        for (int size : new int[] {30, 100}) {
            Scenario s = Scenarios.named("events" + size);
            assertThat(s.eventsUpToAsOf()).hasSize(size);
            assertThat(s.events()).extracting(e -> e.getClass().getSimpleName()).contains(
                    "Strike", "Threat", "Retaliation", "Pressure");
        }
    }

    @Test
    void theGeneratedScenariosReachEveryConclusionAndVerdict() {
        List<String> seen = new ArrayList<>();
        List<Posture> postures = new ArrayList<>();
        List<RiskLevel> levels = new ArrayList<>();
        seeds().forEach(seed -> {
            PlainJavaAssessor.Result r = PlainJavaAssessor.assess(generated(seed));
            seen.addAll(r.conclusions());
            postures.add(r.posture());
            levels.add(r.riskLevel());
        });
        assertThat(seen).containsAll(EssayModel.CONCLUSIONS);
        assertThat(postures).contains(Posture.values());
        assertThat(levels).contains(RiskLevel.values());
    }

    private static void assertAgree(Scenario scenario) {
        Assessment engine = reasoner.assess(scenario);
        PlainJavaAssessor.Result plain = PlainJavaAssessor.assess(scenario);
        String what = scenario.name() + " " + scenario.calibration();

        assertThat(plain.metrics().keySet()).as(what).containsExactlyElementsOf(EssayModel.METRICS);
        assertThat(engine.metrics().keySet()).as(what).containsExactlyElementsOf(EssayModel.METRICS);
        for (Map.Entry<String, Double> m : plain.metrics().entrySet()) {
            assertThat(m.getValue()).as(what + ": " + m.getKey()).isCloseTo(engine.metric(m.getKey()), within(TOLERANCE));
        }
        assertThat(plain.conclusions()).as(what).containsExactlyElementsOf(engine.conclusionTypes());
        assertThat(plain.posture()).as(what).isEqualTo(engine.posture());
        assertThat(plain.riskLevel()).as(what).isEqualTo(engine.riskLevel());
        assertThat(plain.boundedBasis()).as(what).isEqualTo(
                engine.finding(EssayModel.BOUNDED_ADVERSARY).map(Finding::basis).orElse(null));
    }

    static Stream<Arguments> edgeCases() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(edge("nothing at all", Scenario.builder("empty", AS_OF).build()));
        cases.add(edge("factions of no influence", base("zero factions")
                .faction(new Faction("a", Stance.HARDLINE, 0)).faction(new Faction("b", Stance.PRAGMATIC, 0)).build()));
        cases.add(edge("only hardliners", base("hardliners").faction(new Faction("a", Stance.HARDLINE, 0.4)).build()));
        // threat windows, inclusive at both ends
        cases.add(edge("threat window still open on its last day",
                base("open").event(new Threat(AS_OF.minusDays(30), 0.9)).build()));
        cases.add(edge("threat window closed the day after",
                base("closed").event(new Threat(AS_OF.minusDays(31), 0.9)).build()));
        cases.add(edge("crossing on the threat's own day answers it",
                base("same day").event(new Threat(AS_OF.minusDays(60), 0.9))
                        .event(new ThresholdCrossing(AS_OF.minusDays(60))).build()));
        cases.add(edge("crossing on the window's last day answers it",
                base("last day").event(new Threat(AS_OF.minusDays(60), 0.9))
                        .event(new ThresholdCrossing(AS_OF.minusDays(30))).build()));
        cases.add(edge("crossing the day before a threat does not answer it",
                base("day before").event(new Threat(AS_OF.minusDays(60), 0.9))
                        .event(new ThresholdCrossing(AS_OF.minusDays(61))).build()));
        cases.add(edge("crossing after asOf is ignored",
                base("future crossing").event(new Threat(AS_OF.minusDays(60), 0.9))
                        .event(new ThresholdCrossing(AS_OF.plusDays(1))).build()));
        cases.add(edge("events after asOf are ignored",
                base("future events").event(new Strike(AS_OF.plusDays(1), Party.OBSERVER, Target.CAPITAL, 1.0))
                        .event(new Threat(AS_OF.plusDays(2), 1.0)).event(new Pressure(AS_OF.plusDays(3), PressureKind.OTHER, 1.0))
                        .build()));
        // conveyor cycles
        List<Event> deep = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            deep.add(new Strike(AS_OF.minusDays(40 + 20L * i), i % 2 == 0 ? Party.PROXY : Party.OBSERVER,
                    i % 3 == 0 ? Target.CAPITAL : Target.DEEP, 0.5));
        }
        cases.add(edge("a conveyor belt of deep strikes", base("conveyor").events(deep).build()));
        Strike same = new Strike(AS_OF.minusDays(50), Party.PROXY, Target.DEEP, 0.6);
        cases.add(edge("the same strike object twice counts twice",
                base("twice").event(same).event(same).build()));
        cases.add(edge("a fractional window", base("fractional window").calibrate("responseWindowDays", 30.5)
                .event(new Threat(AS_OF.minusDays(31), 0.9)).event(new Strike(AS_OF.minusDays(31), Party.PROXY, Target.DEEP, 0.5))
                .build()));
        cases.add(edge("a half-life", base("half-life").calibrate("humiliation.halfLifeDays", 45)
                .events(deep).event(new Retaliation(AS_OF.minusDays(5), 0.8)).build()));
        cases.add(edge("retaliation outweighs the strikes", base("relief")
                .event(new Strike(AS_OF.minusDays(5), Party.PROXY, Target.FRONTLINE, 0.2))
                .event(new Retaliation(AS_OF.minusDays(4), 1.0)).build()));
        cases.add(edge("no long war signal needed", base("zero signals").calibrate("longWar.signals", 0).build()));
        cases.add(edge("risk bounds all equal", base("equal bounds").calibrate("risk.elevated", 0.3)
                .calibrate("risk.high", 0.3).calibrate("risk.critical", 0.3).build()));
        return cases.stream();
    }

    private static Arguments edge(String name, Scenario scenario) {
        return Arguments.of(name, scenario);
    }

    private static Scenario.Builder base(String name) {
        return Scenario.builder(name, AS_OF)
                .capacity(0.8)
                .returnTicket(0.6, 0.6, 0.5, 0.5)
                .faction(new Faction("pragmatists", Stance.PRAGMATIC, 0.6))
                .faction(new Faction("hardliners", Stance.HARDLINE, 0.4))
                .strain(0.5, 0.4, 0.5, 0.4)
                .cost(Party.PROXY, 0.8)
                .cost(Party.OBSERVER, 0.05);
    }

    /** A random scenario: any mix of facts and events (some after asOf), often with a changed calibration. */
    static Scenario generated(long seed) {
        Random r = new Random(seed);
        Scenario.Builder b = Scenario.builder("generated-" + seed, AS_OF)
                .capacity(r.nextDouble())
                .returnTicket(r.nextDouble(), r.nextDouble(), r.nextDouble(), r.nextDouble())
                .strain(r.nextDouble(), r.nextDouble(), r.nextDouble(), r.nextDouble())
                .cost(Party.PROXY, r.nextDouble())
                .cost(Party.OBSERVER, r.nextDouble() * 0.2);
        int factions = r.nextInt(5);
        for (int i = 0; i < factions; i++) {
            b.faction(new Faction("faction " + i, r.nextBoolean() ? Stance.HARDLINE : Stance.PRAGMATIC, r.nextDouble()));
        }
        for (Signal s : Signal.values()) {
            if (r.nextInt(3) == 0) {
                b.signal(s);
            }
        }
        int events = r.nextInt(60);
        boolean crossings = r.nextInt(4) == 0;
        for (int i = 0; i < events; i++) {
            LocalDate day = AS_OF.minusDays(r.nextInt(400) - 20);
            double severity = r.nextDouble();
            switch (r.nextInt(crossings ? 9 : 8)) {
                case 0, 1, 2 -> b.event(new Strike(day, r.nextInt(5) == 0 ? Party.OBSERVER : Party.PROXY,
                        Target.values()[r.nextInt(4)], severity));
                case 3, 4 -> b.event(new Threat(day, severity));
                case 5 -> b.event(new Retaliation(day, severity));
                case 6, 7 -> b.event(new Pressure(day, PressureKind.values()[r.nextInt(4)], severity));
                default -> b.event(new ThresholdCrossing(day));
            }
        }
        if (r.nextBoolean()) {
            Map<String, Double> c = new HashMap<>();
            c.put("responseWindowDays", 5 + r.nextInt(60) + (r.nextBoolean() ? 0.5 : 0.0));
            c.put("humiliation.weight.capital", r.nextDouble() * 0.5);
            c.put("humiliation.observerMultiplier", r.nextDouble() * 3);
            c.put("tolerance.base", r.nextDouble() * 0.4);
            c.put("erosion.toHardliner", r.nextDouble() * 2);
            c.put("threat.decay", r.nextDouble());
            c.put("confidence.growth", r.nextDouble());
            c.put("strain.perPressure", r.nextDouble() * 0.05);
            c.put("contain.credibility", r.nextDouble());
            c.put("longWar.signals", (double) r.nextInt(5));
            c.put("returnTicket.weight.finance", r.nextDouble() * 2);
            c.put("factionShift.threshold", r.nextDouble());
            c.put("bounded.returnTicketMin", r.nextDouble() * 0.6);
            double elevated = r.nextDouble() * 0.5;
            double high = elevated + r.nextDouble() * 0.3;
            c.put("risk.elevated", elevated);
            c.put("risk.high", high);
            c.put("risk.critical", high + r.nextDouble() * 0.2);
            if (r.nextBoolean()) {
                c.put("humiliation.halfLifeDays", 10 + r.nextDouble() * 200);
            }
            b.calibration(Calibration.defaults().with(c));
        }
        return b.build();
    }
}
