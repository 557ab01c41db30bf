package org.threshold.rules;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.threshold.*;
import org.threshold.fact.*;

class SmokeTest {
    @Test
    void example() {
        long t0 = System.nanoTime();
        Reasoner r = Threshold.builder().build();
        System.out.println("build ms " + (System.nanoTime() - t0) / 1e6 + " precompiled " + r.precompiled());
        Scenario s = Scenario.builder("moscow-struck", LocalDate.parse("2026-11-24"))
            .capacity(0.9).returnTicket(0.7, 0.8, 0.7, 0.6)
            .faction(new Faction("pragmatists", Stance.PRAGMATIC, 0.65))
            .faction(new Faction("hardliners", Stance.HARDLINE, 0.35))
            .strain(0.5, 0.3, 0.5, 0.3)
            .signal(Signal.LONG_WAR_BUDGETING).signal(Signal.REARMAMENT)
            .cost(Party.OBSERVER, 0.02).cost(Party.PROXY, 0.9)
            .event(new Strike(LocalDate.parse("2026-11-23"), Party.PROXY, Target.CAPITAL, 0.6))
            .event(new Threat(LocalDate.parse("2026-09-01"), 0.8))
            .event(new Retaliation(LocalDate.parse("2026-09-03"), 0.7))
            .event(new Pressure(LocalDate.parse("2026-08-01"), PressureKind.SANCTIONS, 0.5))
            .event(new ThresholdCrossing(LocalDate.parse("2026-12-01")))
            .calibrate("humiliation.weight.capital", 0.3).calibrate("responseWindowDays", 45)
            .build();
        Assessment a = r.assess(s);
        System.out.println(a.posture() + " " + a.riskLevel() + " " + a.metrics());
        a.conclusions().forEach(f -> System.out.println(f.type() + " " + f.basis() + " " + f.strength() + " " + f.because() + " facts=" + f.because().get(0).facts() + " b=" + f.because().get(0).bindings().keySet()));
        System.out.println(a.postureBecause());
        Reasoner d = Threshold.builder().defaultPacks(false).pack(EssayRulePack.fromDrl()).build();
        System.out.println("drl equal: " + d.assess(s).equals(a));
        for (int i = 0; i < 20000; i++) r.assess(s);
        t0 = System.nanoTime();
        for (int i = 0; i < 20000; i++) r.assess(s);
        System.out.println("us/assess " + (System.nanoTime() - t0) / 20000 / 1e3);
    }
}
