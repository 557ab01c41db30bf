package org.threshold.packs.maritime;

import java.nio.file.Path;
import java.time.LocalDate;

import org.threshold.Calibration;
import org.threshold.Reasoner;
import org.threshold.Scenario;
import org.threshold.Threshold;
import org.threshold.fact.Party;
import org.threshold.fact.Pressure;
import org.threshold.fact.PressureKind;
import org.threshold.fact.Strike;
import org.threshold.fact.Target;
import org.threshold.fact.Threat;

/** The maritime pack alone, built once for its tests, and the pack's vocabulary for writing scenarios. */
final class MaritimePack {

    static final Path RULES = Path.of("packs/maritime/rules");
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    static final Reasoner REASONER = Threshold.builder().defaultPacks(false).rules(RULES).build();

    private MaritimePack() {
    }

    static Scenario.Builder standoff() {
        return Scenario.builder("standoff", AS_OF);
    }

    /** A scenario whose calibration knows the pack's keys, with one of them moved. */
    static Calibration calibrated(String key, double value) {
        return Calibration.defaults().declare(REASONER.calibrationKeys()).with(key, value);
    }

    static LocalDate daysAgo(int days) {
        return AS_OF.minusDays(days);
    }

    /** A deniable militia incident in the fishing grounds. */
    static Strike militia(int daysAgo, double intensity) {
        return new Strike(daysAgo(daysAgo), Party.PROXY, Target.FRONTLINE, intensity);
    }

    /** The coastal state's coast guard against a warship: attributable, near the navy. */
    static Strike coastGuardAtWarship(int daysAgo, double intensity) {
        return new Strike(daysAgo(daysAgo), Party.OBSERVER, Target.CAPITAL, intensity);
    }

    static Threat warning(int daysAgo) {
        return new Threat(daysAgo(daysAgo), 0.6);
    }

    static Pressure patrol(int daysAgo) {
        return new Pressure(daysAgo(daysAgo), PressureKind.OTHER, 0.5);
    }
}
