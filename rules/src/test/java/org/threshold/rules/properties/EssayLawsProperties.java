package org.threshold.rules.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.threshold.rules.EssayModel.BOUNDED_ADVERSARY;
import static org.threshold.rules.EssayModel.EFFECTIVE_HARDLINER_INFLUENCE;
import static org.threshold.rules.EssayModel.EFFECTIVE_RETURN_TICKET;
import static org.threshold.rules.EssayModel.ESCALATION_RISK;
import static org.threshold.rules.EssayModel.FACTION_SHIFT;
import static org.threshold.rules.EssayModel.HARDLINER_INFLUENCE;
import static org.threshold.rules.EssayModel.HUMILIATION;
import static org.threshold.rules.EssayModel.INWARD_CRACK_LIKELY;
import static org.threshold.rules.EssayModel.MISCALIBRATION;
import static org.threshold.rules.EssayModel.OBSERVER_CONFIDENCE;
import static org.threshold.rules.EssayModel.OBSERVER_EXPECTS_LONG_WAR;
import static org.threshold.rules.EssayModel.OBSERVER_READS_BOUNDED;
import static org.threshold.rules.EssayModel.OUTWARD_LEAP_RISK;
import static org.threshold.rules.EssayModel.RESTRAINT_EROSION;
import static org.threshold.rules.EssayModel.RESTRAINT_EROSION_METRIC;
import static org.threshold.rules.EssayModel.RETURN_TICKET;
import static org.threshold.rules.EssayModel.RISK_TRANSFERRED_TO_PROXY;
import static org.threshold.rules.EssayModel.STRAIN;
import static org.threshold.rules.EssayModel.THREATS_DISCOUNTED;
import static org.threshold.rules.EssayModel.THREAT_CREDIBILITY;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.threshold.Assessment;
import org.threshold.Calibration;
import org.threshold.Reasoner;
import org.threshold.ReasoningSession;
import org.threshold.Scenario;
import org.threshold.rules.EssayCalibration;
import org.threshold.Threshold;
import org.threshold.analysis.FlipFinder;
import org.threshold.analysis.FlipPoint;
import org.threshold.fact.Event;
import org.threshold.fact.Faction;
import org.threshold.fact.ObserverSignal;
import org.threshold.fact.Party;
import org.threshold.fact.Posture;
import org.threshold.fact.ReturnTicket;
import org.threshold.fact.RiskLevel;
import org.threshold.fact.Signal;
import org.threshold.fact.Stance;
import org.threshold.fact.Strike;
import org.threshold.fact.Target;
import org.threshold.fact.ThresholdCrossing;
import org.threshold.testing.ScenarioGenerators;
import org.threshold.testing.ScenarioGenerators.Kind;

/**
 * The laws of MODEL.md, "Properties that must hold", over generated scenarios with the default
 * calibration.
 *
 * <p>Each property runs up to {@value #DEFAULT_EXAMPLES} examples (the flip searches fewer) from a
 * fixed seed, so a run is repeatable; {@code -DQT_SEED=...} and {@code -DQT_EXAMPLES=...} change them. A failure prints
 * the shrunk counterexample as the YAML of a scenario file, with the seed.
 */
class EssayLawsProperties {

    private static final int DEFAULT_EXAMPLES = 150;
    private static final long SEED = Long.getLong("QT_SEED", 20261124L);
    private static final int EXAMPLES = Integer.getInteger("QT_EXAMPLES", DEFAULT_EXAMPLES);

    /** The bracket asked of the flip finder where the flip is only checked, not computed by hand. */
    private static final double TOLERANCE = 1e-4;
    /** The bracket asked where the true flip point is known. */
    private static final double FINE = 1e-7;

    private static final ScenarioGenerators GEN = ScenarioGenerators.standard();
    /**
     * The default calibration, or the defaults with a half-life of humiliation: the one key that
     * leaves every law as it stands while changing the sums the engine does.
     */
    private static final Gen<Calibration> HALF_LIVES = Generate.oneOf(Generate.constant(Calibration.defaults()),
            integers().between(1, 365).map(days -> Calibration.defaults().with("humiliation.halfLifeDays", days)));
    /** Days whose 30-day response window has closed by asOf. */
    private static final Gen<LocalDate> CLOSED = GEN.daysAgo(31, 150);

    private static Reasoner reasoner;
    private static FlipFinder finder;

    @BeforeAll
    static void buildOneReasonerForTheClass() {
        reasoner = Threshold.builder().build();
        finder = new FlipFinder(reasoner);
    }

    private static QuickTheory qt() {
        return QuickTheory.qt().withFixedSeed(SEED).withExamples(EXAMPLES);
    }

    // ---- more or deeper strikes ----

    @Test
    void moreStrikesNeverLowerHumiliationErosionHardlinerInfluenceOrRisk() {
        qt().forAll(GEN.scenarios(HALF_LIVES), describedEvents(lists().of(GEN.strikes()).ofSizeBetween(1, 4)))
                .checkAssert((scenario, strikes) -> {
                    Assessment before = reasoner.assess(scenario);
                    Assessment after = reasoner.assess(scenario.toBuilder().events(strikes).build());

                    assertNeverLower(before, after, HUMILIATION, RESTRAINT_EROSION_METRIC,
                            EFFECTIVE_HARDLINER_INFLUENCE, ESCALATION_RISK);
                    assertNotNewlyBounded(before, after);
                });
    }

    @Test
    void deeperHarderOrOwnStrikesNeverLowerHumiliationErosionHardlinerInfluenceOrRisk() {
        Gen<Deepening> deepenings = integers().between(0, 3)
                .zip(Generate.booleans(), GEN.scores(), Deepening::new);
        qt().forAll(GEN.scenarios(HALF_LIVES), describedEvent(GEN.strikes()), deepenings)
                .checkAssert((scenario, strike, deepening) -> {
                    // GIVEN a strike and the same strike deeper, more severe, or by the observer itself
                    Strike harder = deepening.apply(strike);

                    // WHEN
                    Assessment milder = reasoner.assess(scenario.toBuilder().event(strike).build());
                    Assessment worse = reasoner.assess(scenario.toBuilder().event(harder).build());

                    // THEN
                    assertNeverLower(milder, worse, HUMILIATION, RESTRAINT_EROSION_METRIC,
                            EFFECTIVE_HARDLINER_INFLUENCE, ESCALATION_RISK);
                    assertNotNewlyBounded(milder, worse);
                });
    }

    /** Makes a strike deeper by some steps, by the observer itself, and at least this severe. */
    private record Deepening(int steps, boolean byObserver, double severity) {
        Strike apply(Strike s) {
            Target target = Target.values()[Math.min(Target.values().length - 1, s.target().ordinal() + steps)];
            return new Strike(s.day(), byObserver ? Party.OBSERVER : s.by(), target, Math.max(s.severity(), severity));
        }
    }

    // ---- return ticket and hardliners ----

    @Test
    void aStrongerReturnTicketNeverRaisesRisk() {
        qt().forAll(GEN.scenarios(), GEN.returnTickets()).checkAssert((scenario, other) -> {
            ReturnTicket t = scenario.returnTicket();
            ReturnTicket stronger = new ReturnTicket(Math.max(t.finance(), other.finance()),
                    Math.max(t.recognition(), other.recognition()),
                    Math.max(t.eliteAspiration(), other.eliteAspiration()),
                    Math.max(t.negotiability(), other.negotiability()));

            Assessment before = reasoner.assess(scenario);
            Assessment after = reasoner.assess(scenario.toBuilder().returnTicket(stronger).build());

            assertThat(after.metric(ESCALATION_RISK)).as("escalation risk with the stronger ticket %s", stronger)
                    .isLessThanOrEqualTo(before.metric(ESCALATION_RISK));
        });
    }

    @Test
    void moreHardlinerInfluenceNeverLowersRisk() {
        qt().forAll(GEN.scenarios(), integers().between(0, 3), GEN.scores()).checkAssert((scenario, index, influence) -> {
            // GIVEN a hardline faction stronger, a pragmatic one weaker, or a new hardline one
            List<Faction> factions = new ArrayList<>(scenario.factions());
            if (index < factions.size()) {
                Faction f = factions.get(index);
                double changed = f.stance() == Stance.HARDLINE ? Math.max(f.influence(), influence)
                        : Math.min(f.influence(), influence);
                factions.set(index, new Faction(f.name(), f.stance(), changed));
            } else {
                factions.add(new Faction("hardline-added", Stance.HARDLINE, influence));
            }
            Scenario harder = withFactions(scenario, factions);

            // WHEN
            Assessment before = reasoner.assess(scenario);
            Assessment after = reasoner.assess(harder);

            // THEN
            assertThat(after.metric(HARDLINER_INFLUENCE)).as("hardliner influence with factions %s", factions)
                    .isGreaterThanOrEqualTo(before.metric(HARDLINER_INFLUENCE));
            assertThat(after.metric(ESCALATION_RISK)).as("escalation risk with factions %s", factions)
                    .isGreaterThanOrEqualTo(before.metric(ESCALATION_RISK));
        });
    }

    // ---- credibility and confidence ----

    @Test
    void moreThreatsNeverRaiseCredibilityAndAnUnfulfilledOneLowersIt() {
        qt().forAll(GEN.scenarios(), describedEvent(GEN.threats(GEN.daysAgo(0, 150)))).checkAssert((scenario, threat) -> {
            Assessment before = reasoner.assess(scenario);
            Assessment after = reasoner.assess(scenario.toBuilder().event(threat).build());

            assertThat(after.metric(THREAT_CREDIBILITY)).as("threat credibility")
                    .isLessThanOrEqualTo(before.metric(THREAT_CREDIBILITY));
            if (closedUnanswered(scenario, threat.day())) {
                assertThat(after.metric(THREAT_CREDIBILITY)).as("threat credibility after an unfulfilled threat")
                        .isLessThan(before.metric(THREAT_CREDIBILITY));
            }
        });
    }

    @Test
    void moreConveyorCyclesNeverLowerConfidence() {
        qt().forAll(GEN.scenarios(), describedEvents(lists().of(GEN.deepStrikes(CLOSED)).ofSizeBetween(1, 3)))
                .checkAssert((scenario, strikes) -> {
                    Assessment before = reasoner.assess(scenario);
                    Assessment after = reasoner.assess(scenario.toBuilder().events(strikes).build());

                    assertThat(after.metric(OBSERVER_CONFIDENCE)).as("observer confidence")
                            .isGreaterThanOrEqualTo(before.metric(OBSERVER_CONFIDENCE));
                    if (strikes.stream().anyMatch(s -> closedUnanswered(scenario, s.day()))) {
                        assertThat(after.metric(OBSERVER_CONFIDENCE)).as("observer confidence after a conveyor cycle")
                                .isGreaterThan(before.metric(OBSERVER_CONFIDENCE));
                    }
                });
    }

    /** Whether a window opening on {@code day} has closed by asOf with no crossing of the scenario inside it. */
    private static boolean closedUnanswered(Scenario scenario, LocalDate day) {
        int window = (int) EssayCalibration.of(scenario.calibration()).responseWindowDays();
        return scenario.asOf().isAfter(day.plusDays(window)) && scenario.eventsUpToAsOf().stream()
                .noneMatch(e -> e instanceof ThresholdCrossing && !e.day().isBefore(day)
                        && !e.day().isAfter(day.plusDays(window)));
    }

    // ---- a threshold crossing ----

    @Test
    void aThresholdCrossingAlwaysMeansNotBoundedContainAndFullRisk() {
        qt().forAll(GEN.scenarios(HALF_LIVES), describedEvent(GEN.crossings())).checkAssert((scenario, crossing) -> {
            Assessment a = reasoner.assess(scenario.toBuilder().event(crossing).build());

            assertThat(a.holds(BOUNDED_ADVERSARY)).as("BOUNDED_ADVERSARY after a crossing").isFalse();
            assertThat(a.posture()).as("posture after a crossing").isEqualTo(Posture.CONTAIN);
            assertThat(a.metric(ESCALATION_RISK)).as("escalation risk after a crossing").isEqualTo(1.0);
            assertThat(a.riskLevel()).as("risk level after a crossing").isEqualTo(RiskLevel.CRITICAL);
        });
    }

    @Test
    void eventsDatedAfterAsOfNeverCount() {
        ScenarioGenerators future = GEN.asOf(GEN.asOf().plusDays(GEN.windowDays() + 1L));
        qt().forAll(GEN.scenarios(), describedEvents(future.eventLists())).checkAssert((scenario, later) -> {
            Scenario withLater = scenario.toBuilder().events(later).build();

            assertSameResult(reasoner.assess(withLater), reasoner.assess(scenario), "assessment with later events");
        });
    }

    // ---- order, insertion and retraction ----

    @Test
    void assessingTheSameScenarioTwiceGivesEqualAssessments() {
        // what the laws below rest on: an assessment is a value, equal to any other of the same result
        qt().forAll(GEN.scenarios()).checkAssert(scenario ->
                assertSameResult(reasoner.assess(scenario), reasoner.assess(scenario), "a second assessment"));
    }

    @Test
    void aLiveSessionsFirstAssessmentIsTheReasonersAssessment() {
        qt().forAll(GEN.scenarios()).checkAssert(scenario -> {
            try (ReasoningSession session = reasoner.open(scenario)) {
                assertSameResult(session.assess(), reasoner.assess(scenario), "a session's first assessment");
            }
        });
    }

    @Test
    void theOrderOfEventsAndFactionsNeverChangesTheResult() {
        qt().forAll(GEN.scenarios(HALF_LIVES), longs().all()).checkAssert((scenario, seed) -> {
            Scenario shuffled = shuffled(scenario, new Random(seed));

            assertSameResult(reasoner.assess(shuffled), reasoner.assess(scenario),
                    "assessment with events in the order " + describeEvents(shuffled.events()));
        });
    }

    @Test
    void aSessionFedOneFactAtATimeInAnyOrderEndsWhereOneAssessmentDoes() {
        qt().forAll(GEN.scenarios(HALF_LIVES), longs().all()).checkAssert((scenario, seed) -> {
            // GIVEN the scenario without its events, and its events in a shuffled order
            Random random = new Random(seed);
            List<Event> events = new ArrayList<>(scenario.events());
            Collections.shuffle(events, random);
            Scenario bare = withEvents(scenario, List.of());

            // WHEN they go into a live session one at a time, assessed now and then on the way
            Assessment last;
            try (ReasoningSession session = reasoner.open(bare)) {
                session.assess();
                for (Event e : events) {
                    session.insert(e);
                    if (random.nextBoolean()) {
                        session.assess();
                    }
                }
                last = session.assess();
            }

            // THEN
            assertSameResult(last, reasoner.assess(scenario), "assessment after inserting " + describeEvents(events));
        });
    }

    @Test
    void insertingThenRetractingAFactRestoresTheEarlierResultExactly() {
        Gen<Object> facts = Generate.oneOf(
                GEN.events().map(e -> (Object) e),
                GEN.faction("inserted").map(f -> (Object) f),
                Generate.enumValues(Signal.class).map(s -> (Object) new ObserverSignal(s)));
        qt().forAll(GEN.scenarios(HALF_LIVES), facts).checkAssert((scenario, fact) -> {
            try (ReasoningSession session = reasoner.open(scenario)) {
                Assessment before = session.assess();

                Object handle = session.insert(fact);
                session.assess();
                session.retract(handle);

                assertSameResult(session.assess(), before, "assessment after inserting and retracting " + fact);
            }
        });
    }

    @Test
    void retractingThenReinsertingAScenarioFactRestoresTheEarlierResultExactly() {
        qt().forAll(GEN.scenarios(HALF_LIVES), integers().between(0, 1000), GEN.returnTickets())
                .checkAssert((scenario, pick, replacement) -> {
                    try (ReasoningSession session = reasoner.open(scenario)) {
                        Assessment before = session.assess();
                        List<Object> handles = session.scenarioHandles();
                        int i = pick % handles.size();
                        Object fact = scenario.facts().get(i);

                        // a change is a retraction and an insertion; its undo restores the result
                        session.retract(handles.get(i));
                        session.assess();
                        Object stand = fact instanceof ReturnTicket ? session.insert(replacement) : null;
                        session.assess();
                        if (stand != null) {
                            session.retract(stand);
                        }
                        session.insert(fact);

                        assertSameResult(session.assess(), before, "assessment after retracting and reinserting " + fact);
                    }
                });
    }

    // ---- flips ----

    @Test
    void everyFlipAlongTheReturnTicketIsRealAndWithinTolerance() {
        sweep(GEN.scenarios(), scenario -> x -> scenario.toBuilder().returnTicket(x, x, x, x).build());
    }

    @Test
    void everyFlipAlongHardlinerInfluenceIsRealAndWithinTolerance() {
        sweep(GEN.scenarios(), scenario -> x -> scenario.toBuilder()
                .faction(new Faction("swing", Stance.HARDLINE, x)).build());
    }

    @Test
    void everyFlipAlongAStrikesSeverityIsRealAndWithinTolerance() {
        Gen<Strike> deep = GEN.strikes(GEN.days(), Generate.pick(List.of(Target.DEEP, Target.CAPITAL)));
        Gen<Scenario> withAStrikeToVary = GEN.scenarios().zip(deep, (s, strike) -> s.toBuilder()
                .event(strike).build()).describedAs(ScenarioGenerators::describe);
        sweep(withAStrikeToVary, scenario -> {
            // the last event is the strike whose severity is the parameter
            List<Event> others = new ArrayList<>(scenario.events());
            Strike s = (Strike) others.remove(others.size() - 1);
            return x -> {
                List<Event> events = new ArrayList<>(others);
                events.add(new Strike(s.day(), s.by(), s.target(), x));
                return withEvents(scenario, events);
            };
        });
    }

    /**
     * Sweeps a parameter from 0 to 1 on each generated scenario, watching the whole outlook
     * (conclusions, posture, risk level), checks every flip found, and checks that flips were
     * found on at least a quarter of the scenarios, so that the property is not empty.
     */
    private static void sweep(Gen<Scenario> scenarios, Function<Scenario, DoubleFunction<Scenario>> along) {
        int examples = Math.max(1, EXAMPLES * 2 / 3);
        AtomicInteger withFlips = new AtomicInteger();
        qt().withExamples(examples).forAll(scenarios).checkAssert(scenario -> {
            if (!assertFlipsAreReal(along.apply(scenario), 0.0, 1.0, EssayLawsProperties::outlook, TOLERANCE).isEmpty()) {
                withFlips.incrementAndGet();
            }
        });
        assertThat(withFlips.get()).as("scenarios with a flip along the parameter").isGreaterThanOrEqualTo(examples / 4);
    }

    /**
     * A conclusion, a calibration key it is a threshold of (swept from 0 to {@code to}, passed
     * through {@code keyValue}), and the value of the sweep at which MODEL.md says it flips.
     */
    private record Edge(String conclusion, String key, double to, DoubleUnaryOperator keyValue,
            BiFunction<Scenario, Assessment, Double> truePoint) {

        static Edge at(String conclusion, String key, String metric) {
            return new Edge(conclusion, key, 1.0, x -> x, (s, a) -> a.metric(metric));
        }
    }

    private static final List<Edge> EDGES = List.of(
            // holds where E = H - T > 0 with T = clamp(base + 0.6 RT - 0.4 HL): flips at base = H - 0.6 RT + 0.4 HL
            new Edge(RESTRAINT_EROSION, "tolerance.base", 1.0, x -> x, (s, a) -> a.metric(HUMILIATION)
                    - 0.6 * a.metric(RETURN_TICKET) + 0.4 * a.metric(HARDLINER_INFLUENCE)),
            // holds where HL* >= threshold
            Edge.at(FACTION_SHIFT, "factionShift.threshold", EFFECTIVE_HARDLINER_INFLUENCE),
            // holds where RT* >= minimum, given no crossing and no faction shift
            Edge.at(BOUNDED_ADVERSARY, "bounded.returnTicketMin", EFFECTIVE_RETURN_TICKET),
            // holds where C < bound
            Edge.at(THREATS_DISCOUNTED, "discounted.below", THREAT_CREDIBILITY),
            // holds where Q >= confidence, given no crossing and threats not discounted
            Edge.at(OBSERVER_READS_BOUNDED, "readsBounded.confidence", OBSERVER_CONFIDENCE),
            // holds where the n distinct signals are at least floor(x): flips at x = n + 1
            new Edge(OBSERVER_EXPECTS_LONG_WAR, "longWar.signals", 5.0, Math::floor, (s, a) -> s.signals().size() + 1.0),
            // hold where S >= threshold, given a bounded adversary / a faction shift
            Edge.at(INWARD_CRACK_LIKELY, "strain.threshold", STRAIN),
            Edge.at(OUTWARD_LEAP_RISK, "strain.threshold", STRAIN));

    @Test
    void eachConclusionFlipsAlongItsThresholdKeyWithinToleranceOfWhereTheModelPutsIt() {
        qt().withExamples(Math.max(1, EXAMPLES / 3)).forAll(GEN.scenarios()).checkAssert(scenario -> {
            Assessment a = reasoner.assess(scenario);
            for (Edge edge : EDGES) {
                // GIVEN the conclusion's threshold key as the parameter; nothing it is compared with depends on it
                DoubleFunction<Scenario> at = x -> scenario.toBuilder()
                        .calibrate(edge.key(), edge.keyValue().applyAsDouble(x)).build();
                double truePoint = edge.truePoint().apply(scenario, a);
                Function<Assessment, Boolean> holds = x -> x.holds(edge.conclusion());

                // WHEN
                List<FlipPoint<Boolean>> flips = assertFlipsAreReal(at, 0.0, edge.to(), holds, FINE);

                // THEN it flips where the ends differ, once, within the tolerance of the true point
                boolean differ = holds.apply(reasoner.assess(at.apply(0.0))) != holds.apply(reasoner.assess(at.apply(edge.to())));
                assertThat(flips).as("flips of %s along %s (true point %s)", edge.conclusion(), edge.key(), truePoint)
                        .hasSize(differ ? 1 : 0);
                if (differ) {
                    FlipPoint<Boolean> flip = flips.get(0);
                    assertThat(flip.at()).as("flip of %s along %s", edge.conclusion(), edge.key())
                            .isCloseTo(truePoint, within(FINE + 1e-12));
                    assertThat(truePoint).as("true point of %s along %s inside %s", edge.conclusion(), edge.key(), flip)
                            .isBetween(flip.below() - 1e-12, flip.above() + 1e-12);
                }
            }
        });
    }

    @Test
    void riskTransferredToTheProxyFlipsWhereTheProxysHumanCostReachesHalf() {
        // GIVEN scenarios where the observer often presses (deep strikes whose windows closed) at a low cost of its own
        Gen<Scenario> scenarios = GEN.without(Kind.CROSSING).scenarios()
                .zip(lists().of(GEN.deepStrikes(CLOSED)).ofSizeBetween(0, 3), GEN.scores(0.0, 0.2),
                        (s, strikes, cost) -> s.toBuilder().events(strikes).cost(Party.OBSERVER, cost).build())
                .describedAs(ScenarioGenerators::describe);
        int examples = Math.max(1, EXAMPLES / 3);
        AtomicInteger transferred = new AtomicInteger();
        qt().withExamples(examples).forAll(scenarios).checkAssert(scenario -> {
            DoubleFunction<Scenario> at = x -> scenario.toBuilder().cost(Party.PROXY, x).build();

            List<FlipPoint<Boolean>> flips = assertFlipsAreReal(at, 0.0, 1.0,
                    a -> a.holds(RISK_TRANSFERRED_TO_PROXY), FINE);

            Assessment a = reasoner.assess(scenario);
            boolean transferable = a.posture() == Posture.PRESS && scenario.costs().get(Party.OBSERVER).human() <= 0.10;
            assertThat(flips).as("flips of RISK_TRANSFERRED_TO_PROXY along the proxy's cost").hasSize(transferable ? 1 : 0);
            if (transferable) {
                assertThat(flips.get(0).at()).isCloseTo(0.5, within(FINE));
                assertThat(flips.get(0).outputAbove()).isTrue();
                transferred.incrementAndGet();
            }
        });
        assertThat(transferred.get()).as("scenarios where the risk could be transferred").isGreaterThanOrEqualTo(examples / 4);
    }

    @Test
    void withoutStrikesFactionShiftFlipsWhereHardlinersHoldHalfTheInfluence() {
        qt().withExamples(Math.max(1, EXAMPLES / 3)).forAll(GEN.without(Kind.STRIKE).scenarios())
                .checkAssert(scenario -> {
                    // GIVEN no strikes, so H = 0, E = 0 and HL* = HL = x / (x + (1 - x)) = x
                    DoubleFunction<Scenario> at = x -> withFactions(scenario, List.of(
                            new Faction("hardline", Stance.HARDLINE, x),
                            new Faction("pragmatic", Stance.PRAGMATIC, 1.0 - x)));

                    // WHEN
                    List<FlipPoint<Boolean>> flips = assertFlipsAreReal(at, 0.0, 1.0, a -> a.holds(FACTION_SHIFT), FINE);

                    // THEN
                    assertThat(flips).as("flips of FACTION_SHIFT along the hardliners' share").hasSize(1);
                    assertThat(flips.get(0).at()).isCloseTo(0.5, within(FINE));
                    assertThat(flips.get(0).outputAbove()).isTrue();
                });
    }

    @Test
    void withoutStrikesBoundedAdversaryFlipsWhereTheDiscountedTicketReachesThirtyPercent() {
        qt().withExamples(Math.max(1, EXAMPLES / 3))
                .forAll(GEN.without(Kind.STRIKE, Kind.CROSSING).scenarios(), GEN.scores(0.0, 0.45))
                .checkAssert((scenario, hl) -> {
                    // GIVEN no strikes and no crossing, hardliners' share HL < 0.5: RT* = RT (1 - HL)
                    Scenario base = withFactions(scenario, List.of(new Faction("hardline", Stance.HARDLINE, hl),
                            new Faction("pragmatic", Stance.PRAGMATIC, 1.0 - hl)));
                    DoubleFunction<Scenario> at = x -> base.toBuilder().returnTicket(x, x, x, x).build();
                    double expected = 0.30 / (1.0 - hl);

                    // WHEN
                    List<FlipPoint<Boolean>> flips = assertFlipsAreReal(at, 0.0, 1.0,
                            a -> a.holds(BOUNDED_ADVERSARY), FINE);

                    // THEN it flips once, to bounded, where RT (1 - HL) = 0.30
                    assertThat(flips).as("flips of BOUNDED_ADVERSARY along the return ticket, HL = %s", hl).hasSize(1);
                    assertThat(flips.get(0).outputAbove()).isTrue();
                    assertThat(flips.get(0).at()).as("flip point, HL = %s", hl).isCloseTo(expected, within(FINE));
                });
    }

    // ---- the central danger ----

    @Test
    void theCentralDangerIsReachableAndTheFlipFinderFindsWhereMiscalibrationBegins() {
        // GIVEN a family: five to ten deep strikes of severity up to 0.3 whose windows closed unanswered
        // (Q >= 1 - 0.7 * 0.75^5 = 0.83), no threats and no crossing (nothing to contain), a return
        // ticket of 0.5 or more, and hardliners holding a share x of the influence
        ScenarioGenerators family = GEN.only(Kind.RETALIATION, Kind.PRESSURE).maxEvents(4);
        Gen<List<Strike>> unanswered = lists().of(GEN.strikes(CLOSED, Generate.pick(List.of(Target.DEEP, Target.CAPITAL)),
                GEN.scores(0.0, 0.3))).ofSizeBetween(5, 10);
        Gen<ReturnTicket> strongTickets = GEN.scores(0.5, 1.0).zip(GEN.scores(0.5, 1.0), GEN.scores(0.5, 1.0),
                GEN.scores(0.5, 1.0), ReturnTicket::new);
        int examples = Math.max(1, EXAMPLES * 2 / 3);
        AtomicInteger found = new AtomicInteger();
        qt().withExamples(examples)
                .forAll(family.scenarios(), describedEvents(unanswered), strongTickets)
                .checkAssert((scenario, strikes, ticket) -> {
                    Scenario base = scenario.toBuilder().events(strikes).returnTicket(ticket).build();
                    DoubleFunction<Scenario> at = x -> withFactions(base, List.of(
                            new Faction("hardline", Stance.HARDLINE, x),
                            new Faction("pragmatic", Stance.PRAGMATIC, 1.0 - x)));

                    // WHEN
                    Assessment noHardliners = reasoner.assess(at.apply(0.0));
                    Assessment allHardliners = reasoner.assess(at.apply(1.0));
                    List<FlipPoint<Boolean>> flips = assertFlipsAreReal(at, 0.0, 1.0, a -> a.holds(MISCALIBRATION), FINE);

                    // THEN the observer is confident and presses throughout, and miscalibration holds at the top
                    for (Assessment a : List.of(noHardliners, allHardliners)) {
                        assertThat(a.metric(OBSERVER_CONFIDENCE)).as("observer confidence").isGreaterThanOrEqualTo(0.8);
                        assertThat(a.posture()).as("posture").isEqualTo(Posture.PRESS);
                    }
                    assertThat(allHardliners.holds(MISCALIBRATION)).as("MISCALIBRATION with hardliners alone").isTrue();
                    // and it begins at one point, which the finder brackets, still pressing with Q >= 0.8
                    assertThat(flips).as("flips of MISCALIBRATION along the hardliners' share").hasSizeLessThanOrEqualTo(1);
                    if (noHardliners.holds(MISCALIBRATION)) {
                        assertThat(flips).isEmpty();
                    } else {
                        assertThat(flips).hasSize(1);
                        FlipPoint<Boolean> begins = flips.get(0);
                        assertThat(begins.outputAbove()).isTrue();
                        Assessment there = begins.assessmentAbove();
                        assertThat(there.holds(MISCALIBRATION)).isTrue();
                        assertThat(there.posture()).isEqualTo(Posture.PRESS);
                        assertThat(there.metric(OBSERVER_CONFIDENCE)).isGreaterThanOrEqualTo(0.8);
                        assertThat(there.finding(MISCALIBRATION).orElseThrow().strength()).as("severity Q * R")
                                .isCloseTo(there.metric(OBSERVER_CONFIDENCE) * there.metric(ESCALATION_RISK), within(1e-12));
                        found.incrementAndGet();
                    }
                });
        // and the family is not trivial: in most of it miscalibration has a beginning to find
        assertThat(found.get()).as("family members where the finder located the beginning of MISCALIBRATION")
                .isGreaterThanOrEqualTo(examples / 2);
    }

    // ---- helpers ----

    /** What a flip is a flip of: the conclusions that hold, the posture and the risk level. */
    private record Outlook(Set<String> conclusions, Posture posture, RiskLevel riskLevel) {
    }

    private static Outlook outlook(Assessment a) {
        return new Outlook(new TreeSet<>(a.conclusionTypes()), a.posture(), a.riskLevel());
    }

    /**
     * Runs the flip finder and checks every flip it reports: a bracket no wider than the
     * tolerance, different outputs on its two sides, and the same outputs when its ends are
     * assessed afresh.
     */
    private static <T> List<FlipPoint<T>> assertFlipsAreReal(DoubleFunction<Scenario> at, double from, double to,
            Function<Assessment, T> output, double tolerance) {
        List<FlipPoint<T>> flips = finder.find(at, from, to, output, tolerance);
        double previous = Double.NEGATIVE_INFINITY;
        for (FlipPoint<T> f : flips) {
            assertThat(f.below()).as("flips in ascending order").isGreaterThanOrEqualTo(previous);
            assertThat(f.width()).as("width of %s", f).isPositive().isLessThanOrEqualTo(tolerance);
            assertThat(f.outputBelow()).as("outputs on the two sides of %s", f).isNotEqualTo(f.outputAbove());
            assertThat(output.apply(reasoner.assess(at.apply(f.below())))).as("output at %s", f.below())
                    .isEqualTo(f.outputBelow());
            assertThat(output.apply(reasoner.assess(at.apply(f.above())))).as("output at %s", f.above())
                    .isEqualTo(f.outputAbove());
            previous = f.above();
        }
        return flips;
    }

    /** The law's comparison: the two assessments are equal values, explanations and all. */
    private static void assertSameResult(Assessment actual, Assessment expected, String what) {
        assertThat(actual).as(what).isEqualTo(expected);
    }

    private static void assertNeverLower(Assessment before, Assessment after, String... metrics) {
        for (String m : metrics) {
            assertThat(after.metric(m)).as("%s (was %s)", m, before.metric(m)).isGreaterThanOrEqualTo(before.metric(m));
        }
    }

    private static void assertNotNewlyBounded(Assessment before, Assessment after) {
        if (!before.holds(BOUNDED_ADVERSARY)) {
            assertThat(after.holds(BOUNDED_ADVERSARY)).as("BOUNDED_ADVERSARY after more or deeper strikes, metrics %s",
                    after.metrics()).isFalse();
        }
    }

    private static Scenario withFactions(Scenario s, List<Faction> factions) {
        return new Scenario(s.name(), s.asOf(), s.capacity(), s.returnTicket(), factions, s.strain(), s.signals(),
                s.costs(), s.events(), s.calibration());
    }

    private static Scenario withEvents(Scenario s, List<Event> events) {
        return new Scenario(s.name(), s.asOf(), s.capacity(), s.returnTicket(), s.factions(), s.strain(), s.signals(),
                s.costs(), events, s.calibration());
    }

    private static Scenario shuffled(Scenario s, Random random) {
        List<Event> events = new ArrayList<>(s.events());
        List<Faction> factions = new ArrayList<>(s.factions());
        Collections.shuffle(events, random);
        Collections.shuffle(factions, random);
        return new Scenario(s.name(), s.asOf(), s.capacity(), s.returnTicket(), factions, s.strain(), s.signals(),
                s.costs(), events, s.calibration());
    }

    private static <E extends Event> Gen<E> describedEvent(Gen<E> events) {
        return events.describedAs(ScenarioGenerators::describe);
    }

    private static <E extends Event> Gen<List<E>> describedEvents(Gen<List<E>> events) {
        return events.describedAs(EssayLawsProperties::describeEvents);
    }

    private static String describeEvents(List<? extends Event> events) {
        StringBuilder b = new StringBuilder("\n");
        events.forEach(e -> b.append("  - ").append(ScenarioGenerators.describe(e)).append('\n'));
        return b.toString();
    }
}
