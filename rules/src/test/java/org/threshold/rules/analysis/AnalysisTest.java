package org.threshold.rules.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.threshold.Reasoner;
import org.threshold.Scenario;
import org.threshold.Threshold;
import org.threshold.analysis.FlipFinder;
import org.threshold.analysis.FlipPoint;
import org.threshold.analysis.InvalidParameterException;
import org.threshold.analysis.Parameter;
import org.threshold.analysis.ParameterPaths;
import org.threshold.analysis.PhaseMap;
import org.threshold.analysis.PhaseMapper;
import org.threshold.analysis.Signpost;
import org.threshold.analysis.SignpostKind;
import org.threshold.analysis.Signposts;
import org.threshold.scenario.ScenarioReader;

/**
 * Flip points, signposts and phase maps on the contract example, moscow-struck, where MODEL.md
 * lets every boundary be computed by hand: RT = 0.7; HL = i / (i + 0.65) for the hardliners'
 * influence i; H = 0.6 w - 0.07 for the capital weight w (one proxy capital strike of 0.6, one
 * retaliation of 0.7); T = 0.62 - 0.4 HL; threat credibility 0.72 (one lapsed threat).
 */
class AnalysisTest {

    private static final Reasoner REASONER = Threshold.builder().build();
    private static final Scenario MOSCOW = ScenarioReader.read(Path.of("..", "examples", "scenarios", "moscow-struck.yaml"));

    @Test
    void factionShiftFlipsWhereTheHardlinersReachHalfTheInfluenceWithin40Assessments() {
        // E = 0 throughout (H = 0.11 < T >= 0.22), so HL* = HL = i / (i + 0.65) reaches 0.5 at i = 0.65
        Parameter hardliners = ParameterPaths.resolve(MOSCOW, "factions.hardliners.influence");

        FlipFinder.Result<Boolean> r = new FlipFinder(REASONER).search(hardliners::at, 0, 1,
                a -> a.holds("FACTION_SHIFT"), 1e-6);

        assertThat(r.flips()).hasSize(1);
        FlipPoint<Boolean> flip = r.flips().get(0);
        assertThat(flip.at()).isCloseTo(0.65, within(1e-6));
        assertThat(flip.width()).isLessThanOrEqualTo(1e-6);
        assertThat(flip.outputBelow()).isFalse();
        assertThat(flip.outputAbove()).isTrue();
        assertThat(flip.assessmentAbove().finding("FACTION_SHIFT").get().rules()).containsExactly("faction shift");
        assertThat(r.assessments()).isLessThanOrEqualTo(40);
    }

    @Test
    void threatsAreDiscountedWhereTheBaseCredibilityTimesOneDecayFallsBelowHalf() {
        // C = c * 0.8 < 0.5 for c < 0.625
        Parameter credibility = ParameterPaths.resolve(MOSCOW, "calibration.threat.credibility");

        List<FlipPoint<Boolean>> flips = new FlipFinder(REASONER).find(credibility::at, 0, 1,
                a -> a.holds("THREATS_DISCOUNTED"), 1e-6);

        assertThat(flips).singleElement().satisfies(f -> {
            assertThat(f.at()).isCloseTo(0.625, within(1e-6));
            assertThat(f.outputBelow()).isTrue();
        });
    }

    @Test
    void restraintErodesWhereHumiliationPassesTolerance() {
        // H = 0.6 w - 0.07 > T = 0.48 for w > 0.55/0.6 = 0.91666...
        Parameter weight = ParameterPaths.resolve(MOSCOW, "humiliation.weight.capital");

        List<FlipPoint<Boolean>> flips = new FlipFinder(REASONER).find(weight::at, 0, 1.2,
                a -> a.holds("RESTRAINT_EROSION"), 1e-6);

        assertThat(flips).singleElement().satisfies(f -> assertThat(f.at()).isCloseTo(0.55 / 0.6, within(1e-6)));
    }

    @Test
    void signpostsCountTheFurtherEventsThatFlipEachSubject() {
        List<Signpost> posts = new Signposts(REASONER).find(MOSCOW,
                List.of("BOUNDED_ADVERSARY", "FACTION_SHIFT", "THREATS_DISCOUNTED", "MISCALIBRATION", "posture"));

        // capital strikes of 0.6 at weight 0.3 add 0.18 each: H = 0.11 + 0.18k > T = 0.48 first at k = 3,
        // E = 0.17, HL* = 0.52 >= 0.5: FACTION_SHIFT, and so BOUNDED_ADVERSARY ends
        assertThat(find(posts, "BOUNDED_ADVERSARY", SignpostKind.CAPITAL_STRIKE).count()).isEqualTo(3);
        assertThat(find(posts, "BOUNDED_ADVERSARY", SignpostKind.CAPITAL_STRIKE).text())
                .isEqualTo("BOUNDED_ADVERSARY ends after 3 more capital strikes (severity 0.6)");
        assertThat(find(posts, "FACTION_SHIFT", SignpostKind.CAPITAL_STRIKE).count()).isEqualTo(3);
        // 0.9 * 0.8^(1+k) < 0.5 first at k = 2
        assertThat(find(posts, "THREATS_DISCOUNTED", SignpostKind.UNANSWERED_THREAT).text())
                .isEqualTo("THREATS_DISCOUNTED begins after 2 more unanswered threats (severity 0.6)");
        assertThat(find(posts, "posture", SignpostKind.THRESHOLD_CROSSING).text())
                .isEqualTo("posture turns CONTAIN after 1 threshold crossing");
        // the same two lapsed threats make the observer read the adversary as bounded and press: PRESS
        assertThat(find(posts, "posture", SignpostKind.UNANSWERED_THREAT).after()).isEqualTo("PRESS");
        assertThat(posts).allSatisfy(p -> assertThat(p.because()).as(p.text()).isNotEmpty());
    }

    @Test
    void anAdaptiveMapGivesTheFullGridsRegionsForAQuarterOfItsAssessments() {
        PhaseMapper mapper = new PhaseMapper(REASONER);
        java.util.function.Function<org.threshold.Assessment, String> all = a -> a.posture() + " " + a.conclusionTypes();

        PhaseMap<String> adaptive = mapper.map(MOSCOW, "humiliation.weight.capital", 0, 1.2,
                "factions.hardliners.influence", 0, 1, 200, all);
        PhaseMap<String> full = mapper.withBlock(1).map(MOSCOW, "humiliation.weight.capital", 0, 1.2,
                "factions.hardliners.influence", 0, 1, 200, all);

        assertThat(full.assessments()).isEqualTo(40_000);
        assertThat(adaptive.cells()).isEqualTo(full.cells());
        assertThat(adaptive.assessments()).isLessThanOrEqualTo(10_000);
        assertThat(adaptive.values()).hasSize(4);
        assertThat(adaptive.xValue()).isEqualTo(0.3);
        assertThat(adaptive.yValue()).isEqualTo(0.35);
    }

    @Test
    void aMapsBoundaryLiesWhereTheModelPutsIt() {
        // FACTION_SHIFT without erosion: i >= 0.65 along y, whatever the (small) capital weight
        PhaseMap<Boolean> map = new PhaseMapper(REASONER).map(MOSCOW, "humiliation.weight.capital", 0, 0.5,
                "factions.hardliners.influence", 0, 1, 40, a -> a.holds("FACTION_SHIFT"));

        for (int row = 0; row < 40; row++) {
            for (int col = 0; col < 40; col++) {
                assertThat(map.at(row, col)).as("cell at y = %s", map.y(row)).isEqualTo(map.y(row) >= 0.65);
            }
        }
    }

    @Test
    void unknownParameterPathsNameTheNearestValidOnes() {
        assertThatThrownBy(() -> ParameterPaths.resolve(MOSCOW, "factions.hardliner.influence"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("unknown parameter 'factions.hardliner.influence'. The nearest valid paths: "
                        + "factions.hardliners.influence, factions.pragmatists.influence.");
        assertThat(ParameterPaths.resolve(MOSCOW, "responseWindowDays").value()).isEqualTo(45.0);
        assertThat(ParameterPaths.resolve(MOSCOW, "calibration.responseWindowDays").path()).isEqualTo("responseWindowDays");
        assertThat(ParameterPaths.resolve(MOSCOW, "events[0].severity").value()).isEqualTo(0.6);
        assertThat(ParameterPaths.resolve(MOSCOW, "adversary.factions.hardliners.influence").value()).isEqualTo(0.35);
    }

    private static Signpost find(List<Signpost> posts, String subject, SignpostKind kind) {
        return posts.stream().filter(p -> p.subject().equals(subject) && p.kind() == kind).findFirst()
                .orElseThrow(() -> new AssertionError("no signpost for " + subject + " by " + kind + " in " + posts));
    }
}
