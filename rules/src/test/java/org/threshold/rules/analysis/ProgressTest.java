package org.threshold.rules.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.threshold.Reasoner;
import org.threshold.Scenario;
import org.threshold.Threshold;
import org.threshold.analysis.FlipFinder;
import org.threshold.analysis.ParameterPaths;
import org.threshold.analysis.PhaseMap;
import org.threshold.analysis.PhaseMapper;
import org.threshold.analysis.Progress;
import org.threshold.analysis.Signposts;
import org.threshold.scenario.ScenarioReader;
import org.threshold.timeline.SimulationOptions;
import org.threshold.timeline.Timeline;

/** Long work reports to a {@link Progress}: started once, finished once, and its units add up. */
class ProgressTest {

    private static final Reasoner REASONER = Threshold.builder().build();
    private static final Scenario MOSCOW = ScenarioReader.read(Path.of("../examples/scenarios/moscow-struck.yaml"));

    /** Records what it is told, from any thread. */
    static final class Recorder implements Progress {
        final List<String> tasks = new ArrayList<>();
        final List<Long> totals = new ArrayList<>();
        final AtomicLong done = new AtomicLong();
        final AtomicInteger finished = new AtomicInteger();

        @Override
        public synchronized void start(String task, long total) {
            tasks.add(task);
            totals.add(total);
        }

        @Override
        public synchronized void total(long total) {
            totals.add(total);
        }

        @Override
        public void advance(long units) {
            assertThat(units).isNotNegative();
            done.addAndGet(units);
        }

        @Override
        public void finish() {
            finished.incrementAndGet();
        }
    }

    @Test
    void aPhaseMapCountsEveryCellOnceWhetherAssessedOrFilled() {
        Recorder progress = new Recorder();

        PhaseMap<String> map = new PhaseMapper(REASONER).withProgress(progress).map(MOSCOW, "humiliation.weight.capital", 0, 1.2,
                "factions.hardliners.influence", 0, 1, 50, a -> a.posture() + " " + a.conclusionTypes());

        assertThat(progress.tasks).containsExactly("map");
        assertThat(progress.totals).containsExactly(2500L);
        assertThat(progress.done.get()).isEqualTo(2500L);
        assertThat(progress.finished.get()).isEqualTo(1);
        assertThat(map.assessments()).isLessThan(2500);
    }

    @Test
    void aSimulationCountsItsDays() {
        Recorder progress = new Recorder();
        Scenario policy = ScenarioReader.read(Path.of("../examples/scenarios/conveyor-policy.yaml"));

        Timeline t = REASONER.simulate(policy, new SimulationOptions(null, null, 30), progress);

        assertThat(progress.tasks).containsExactly("simulate");
        assertThat(progress.totals).containsExactly(690L);
        assertThat(progress.done.get()).isEqualTo(690L);
        assertThat(progress.finished.get()).isEqualTo(1);
        assertThat(t).isEqualTo(REASONER.simulate(policy, new SimulationOptions(null, null, 30)));
    }

    @Test
    void aFlipSearchCountsItsAssessmentsAndRaisesItsEstimateForEachBracket() {
        Recorder progress = new Recorder();

        FlipFinder.Result<String> result = new FlipFinder(REASONER).withProgress(progress).search(
                v -> ParameterPaths.resolve(MOSCOW, "factions.hardliners.influence").at(v), 0, 1,
                a -> String.valueOf(a.holds("BOUNDED_ADVERSARY")), 1e-6);

        assertThat(progress.done.get()).isEqualTo(result.assessments());
        assertThat(progress.totals.get(0)).isEqualTo(17L);
        // one bracket of width 1/16 bisected to 1e-6: 16 more assessments expected
        assertThat(progress.totals).contains(33L);
        assertThat(progress.finished.get()).isEqualTo(1);
    }

    @Test
    void signpostsCountUpToTheirWholeEvenWhenEveryKindFlipsEarly() {
        Recorder progress = new Recorder();

        new Signposts(REASONER).withProgress(progress).find(MOSCOW, List.of("BOUNDED_ADVERSARY", "posture"));

        assertThat(progress.tasks).containsExactly("signposts");
        assertThat(progress.done.get()).isEqualTo(progress.totals.get(0));
        assertThat(progress.finished.get()).isEqualTo(1);
    }

    @Test
    void noProgressIsTheDefaultAndChangesNothing() {
        PhaseMap<String> quiet = new PhaseMapper(REASONER).map(MOSCOW, "humiliation.weight.capital", 0, 1.2,
                "factions.hardliners.influence", 0, 1, 20, a -> String.valueOf(a.posture()));
        PhaseMap<String> counted = new PhaseMapper(REASONER).withProgress(new Recorder()).map(MOSCOW,
                "humiliation.weight.capital", 0, 1.2, "factions.hardliners.influence", 0, 1, 20, a -> String.valueOf(a.posture()));

        assertThat(counted.cells()).isEqualTo(quiet.cells());
    }
}
