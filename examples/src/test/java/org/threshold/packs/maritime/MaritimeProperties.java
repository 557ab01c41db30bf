package org.threshold.packs.maritime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.threshold.packs.maritime.MaritimePack.REASONER;

import org.junit.jupiter.api.Test;
import org.threshold.Assessment;
import org.threshold.Scenario;
import org.threshold.testing.ScenarioGenerators;
import org.threshold.testing.ScenarioGenerators.Kind;

/**
 * Laws of the maritime pack over generated scenarios (the reusable generators of the core test
 * jar): one more incident never lowers tension, and never ends a clash risk or a grey-zone campaign.
 */
class MaritimeProperties {

    private static final ScenarioGenerators GEN = ScenarioGenerators.standard()
            .asOf(MaritimePack.AS_OF).windowDays(45).maxEvents(12).only(Kind.STRIKE, Kind.THREAT, Kind.PRESSURE);

    @Test
    void oneMoreIncidentNeverLowersTensionNorEndsAClashRiskOrACampaign() {
        qt().withFixedSeed(20260630L).withExamples(60)
                .forAll(GEN.scenarios(), GEN.strikes())
                .checkAssert((scenario, strike) -> {
                    Assessment before = REASONER.assess(scenario);
                    Scenario more = scenario.toBuilder().event(strike).build();
                    Assessment after = REASONER.assess(more);

                    assertThat(after.metric("maritime.tension")).isGreaterThanOrEqualTo(before.metric("maritime.tension") - 1e-12);
                    if (before.finding("NAVAL_CLASH_RISK").isPresent()) {
                        assertThat(after.finding("NAVAL_CLASH_RISK")).isPresent();
                    }
                    if (before.finding("GREY_ZONE_CAMPAIGN").isPresent()) {
                        assertThat(after.finding("GREY_ZONE_CAMPAIGN")).isPresent();
                    }
                });
    }
}
