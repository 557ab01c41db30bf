package org.threshold.rules.essay;

import static org.threshold.rules.EssayModel.EFFECTIVE_HARDLINER_INFLUENCE;
import static org.threshold.rules.EssayModel.HARDLINER_INFLUENCE;
import static org.threshold.rules.EssayModel.RESTRAINT_TOLERANCE;
import static org.threshold.rules.essay.EssayScenarios.hardliners;
import static org.threshold.rules.essay.EssayScenarios.pragmatists;
import static org.threshold.rules.essay.EssayScenarios.scenario;
import static org.threshold.testing.AssessmentAssert.assertThat;

import org.junit.jupiter.api.Test;
import org.threshold.Assessment;
import org.threshold.ReasoningSession;
import org.threshold.Reasoner;
import org.threshold.Threshold;
import org.threshold.fact.Faction;
import org.threshold.fact.Stance;

/** factions.drl: hardliner influence HL, MODEL.md metric 2. */
class FactionRulesTest {

    private static final Reasoner REASONER = Threshold.builder().build();

    @Test
    void hardlinerInfluenceIsTheHardlineShareOfAllInfluence() {
        // HL = 0.35 / (0.35 + 0.65) = 0.35
        Assessment a = REASONER.assess(scenario().faction(pragmatists(0.65)).faction(hardliners(0.35)).build());

        assertThat(a).hasMetric(HARDLINER_INFLUENCE, 0.35);
    }

    @Test
    void influencesNeedNotSumToOne() {
        // HL = 0.2 / (0.2 + 0.6) = 0.25
        Assessment a = REASONER.assess(scenario().faction(pragmatists(0.6)).faction(hardliners(0.2)).build());

        assertThat(a).hasMetric(HARDLINER_INFLUENCE, 0.25);
    }

    @Test
    void everyHardlineFactionCounts() {
        // HL = (0.2 + 0.3) / (0.2 + 0.3 + 0.5) = 0.5
        Assessment a = REASONER.assess(scenario()
                .faction(new Faction("security services", Stance.HARDLINE, 0.2))
                .faction(new Faction("war bloggers", Stance.HARDLINE, 0.3))
                .faction(pragmatists(0.5))
                .build());

        assertThat(a).hasMetric(HARDLINER_INFLUENCE, 0.5);
    }

    @Test
    void onlyPragmatistsMeanNoHardlinerInfluence() {
        Assessment a = REASONER.assess(scenario().faction(pragmatists(0.8)).build());

        assertThat(a).hasMetric(HARDLINER_INFLUENCE, 0.0);
    }

    @Test
    void onlyHardlinersMeanFullHardlinerInfluence() {
        // HL = 0.3 / 0.3 = 1
        Assessment a = REASONER.assess(scenario().faction(hardliners(0.3)).build());

        assertThat(a).hasMetric(HARDLINER_INFLUENCE, 1.0);
    }

    @Test
    void noFactionsMeanNoHardlinerInfluence() {
        // HL = 0 where there are none; T = clamp(0.20 + 0 - 0.40 * 0) = 0.20
        Assessment a = REASONER.assess(scenario().build());

        assertThat(a).hasMetric(HARDLINER_INFLUENCE, 0.0).hasMetric(RESTRAINT_TOLERANCE, 0.20);
    }

    @Test
    void factionsWithZeroInfluenceMeanNoHardlinerInfluence() {
        // all influences sum to 0: HL = 0, not 0/0
        Assessment a = REASONER.assess(scenario().faction(hardliners(0)).faction(pragmatists(0)).build());

        assertThat(a).hasMetric(HARDLINER_INFLUENCE, 0.0).hasMetric(EFFECTIVE_HARDLINER_INFLUENCE, 0.0);
    }

    @Test
    void lonelyHardlineFactionWithZeroInfluenceMeansNoHardlinerInfluence() {
        Assessment a = REASONER.assess(scenario().faction(hardliners(0)).build());

        assertThat(a).hasMetric(HARDLINER_INFLUENCE, 0.0);
    }

    @Test
    void hardlinerInfluenceSpendsRestraintTolerance() {
        // HL = 0.25 / (0.25 + 0.75) = 0.25; T = clamp(0.20 + 0.60 * 0 - 0.40 * 0.25) = 0.10
        // no humiliation, so E = 0 and HL* = HL = 0.25
        Assessment a = REASONER.assess(scenario().faction(hardliners(0.25)).faction(pragmatists(0.75)).build());

        assertThat(a).hasMetric(RESTRAINT_TOLERANCE, 0.10).hasMetric(EFFECTIVE_HARDLINER_INFLUENCE, 0.25);
    }

    @Test
    void factionAddedToALiveSessionChangesHardlinerInfluence() {
        // GIVEN HL = 0.35 / 1.0 = 0.35
        try (ReasoningSession session = REASONER.open(
                scenario().faction(pragmatists(0.65)).faction(hardliners(0.35)).build())) {
            assertThat(session.assess()).hasMetric(HARDLINER_INFLUENCE, 0.35);

            // WHEN HL = (0.35 + 0.25) / (0.35 + 0.65 + 0.25) = 0.6 / 1.25 = 0.48
            Object handle = session.insert(new Faction("siloviki", Stance.HARDLINE, 0.25));
            Assessment added = session.assess();
            session.retract(handle);
            Assessment withdrawn = session.assess();

            // THEN
            assertThat(added).hasMetric(HARDLINER_INFLUENCE, 0.48);
            assertThat(withdrawn).hasMetric(HARDLINER_INFLUENCE, 0.35);
        }
    }
}
