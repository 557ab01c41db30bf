package org.threshold.rules.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.threshold.Reasoner;
import org.threshold.ReasoningSession;
import org.threshold.RulePack;
import org.threshold.RuleSource;
import org.threshold.Scenario;
import org.threshold.Threshold;
import org.threshold.scenario.ScenarioReader;
import org.threshold.timeline.SimulationOptions;
import org.threshold.timeline.Step;
import org.threshold.timeline.Timeline;

/**
 * The clock of a simulation or a live session moves in place from day to day; where a user's
 * rule has deleted it, the next day's clock is a new fact, as it was before the clock moved in
 * place, and the simulation goes on.
 */
class ClockTest {

    private static final String SCENARIO = """
            name: clock
            asOf: 2026-04-30
            adversary:
              capacity: 0.8
              returnTicket: {finance: 0.6, recognition: 0.6, eliteAspiration: 0.6, negotiability: 0.6}
              factions:
                - {name: pragmatists, stance: PRAGMATIC, influence: 0.7}
                - {name: hardliners,  stance: HARDLINE,  influence: 0.3}
            events:
              - {day: 2026-01-10, type: STRIKE, target: DEEP, severity: 0.6}
              - {day: 2026-02-10, type: THREAT, severity: 0.5}
              - {day: 2026-03-20, type: STRIKE, target: CAPITAL, severity: 0.5}
            """;

    /** Deletes the clock once, on 1 March, and leaves a clock of its own for that day. */
    private static final String REPLACES_THE_CLOCK = """
            package user;
            import org.threshold.fact.AsOf;
            rule "replace the clock on the first of March"
            when
                $d : AsOf( day.getMonthValue() == 3, day.getDayOfMonth() == 1 )
                not String( this == "replaced" )
            then
                delete( $d );
                insert( new AsOf( $d.day() ) );
                insert( "replaced" );
            end
            """;

    @Test
    void aSimulationMovesItsClockDayByDayAndEachDayIsTheAssessmentAsOfThatDay() {
        Reasoner reasoner = Threshold.builder().build();
        Scenario scenario = ScenarioReader.read("clock.yaml", SCENARIO);

        Timeline t = reasoner.simulate(scenario, new SimulationOptions(LocalDate.of(2026, 1, 1), scenario.asOf(), 1));

        assertThat(t.steps()).hasSize(120);
        for (Step s : t.steps()) {
            assertThat(s.assessment()).as("the state on %s", s.day()).isEqualTo(reasoner.assess(scenario.withAsOf(s.day())));
        }
    }

    @Test
    void aSimulationGoesOnWhereARuleDeletedItsClock() {
        Reasoner reasoner = Threshold.builder()
                .pack(RulePack.of("user", List.of(new RuleSource("replace.drl", REPLACES_THE_CLOCK)))).build();
        Scenario scenario = ScenarioReader.read("clock.yaml", SCENARIO);

        Timeline t = reasoner.simulate(scenario, new SimulationOptions(LocalDate.of(2026, 1, 1), scenario.asOf(), 1));

        assertThat(t.steps()).hasSize(120);
        assertThat(t.last().day()).isEqualTo(scenario.asOf());
        // until the rule fires, the user's pack changes nothing
        for (Step s : t.steps().subList(0, 59)) {
            assertThat(s.day()).isBefore(LocalDate.of(2026, 3, 1));
            assertThat(s.assessment()).as("the state on %s", s.day()).isEqualTo(reasoner.assess(scenario.withAsOf(s.day())));
        }
        // after it, the simulation's clock still moves: the threat of 10 February goes unanswered
        // when its window closes, on 13 March, as a fresh assessment of that day has it
        for (Step s : t.steps().subList(59, 120)) {
            double credibility = reasoner.assess(scenario.withAsOf(s.day())).metric("threatCredibility");
            assertThat(s.assessment().metric("threatCredibility")).as("threat credibility on %s", s.day()).isEqualTo(credibility);
        }
        assertThat(t.last().assessment().metric("threatCredibility")).isLessThan(t.steps().get(59).assessment().metric("threatCredibility"));
    }

    @Test
    void aLiveSessionMovesOnWhereARuleDeletedItsClock() {
        Reasoner reasoner = Threshold.builder()
                .pack(RulePack.of("user", List.of(new RuleSource("replace.drl", REPLACES_THE_CLOCK)))).build();
        Scenario scenario = ScenarioReader.read("clock.yaml", SCENARIO);

        try (ReasoningSession live = reasoner.open(scenario.withAsOf(LocalDate.of(2026, 3, 1)))) {
            live.assess();
            // the rule replaced the session's clock: moving the day inserts a new one, and the
            // threat of 10 February is counted once its window closes
            Scenario later = scenario.withAsOf(LocalDate.of(2026, 4, 30));
            assertThat(live.reassess(later).metric("threatCredibility"))
                    .isEqualTo(reasoner.assess(later).metric("threatCredibility"))
                    .isLessThan(reasoner.assess(scenario.withAsOf(LocalDate.of(2026, 3, 1))).metric("threatCredibility"));
        }
    }
}
