package org.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.fact.Threat;

/**
 * A user's rules that fail at run time: past the time limit, with a reason that does not fit its
 * format, with a conclusion inserted as a plain fact, deleting what the packs rely on, or with a
 * condition that throws. Each fails with one {@link RuleFailureException} naming the rule, and no
 * assessment is returned.
 */
class RuleFailuresTest {

    private static final Scenario ONE_THREAT = Scenario.builder("one-threat", LocalDate.of(2026, 1, 31))
            .event(new Threat(LocalDate.of(2026, 1, 30), 0.7))
            .build();
    private static final Scenario GRAVE = ONE_THREAT.toBuilder().event(new Threat(LocalDate.of(2026, 1, 29), 0.95)).build();

    private static Threshold.Builder only(String file, String drl) {
        return Threshold.builder().defaultPacks(false).pack(RulePack.of("user", List.of(new RuleSource(file, drl))));
    }

    // ---- the time limit ----

    @Test
    void aRuleThatWaitsPastTheTimeLimitIsInterruptedAndNamedAndTheReasonerStaysUsable() {
        Reasoner waiting = only("wait.drl", """
                package u;
                import org.threshold.fact.Threat;
                import org.threshold.fact.Conclusion;
                import org.threshold.fact.Reason;
                rule "threatened"
                when
                    Threat()
                then
                    insertLogical( new Conclusion( "THREATENED", Reason.of( "a threat" ) ) );
                end
                rule "wait for a grave threat"
                when
                    Threat( severity > 0.9 )
                then
                    Thread.sleep( 60000L );
                end
                """).timeout(Duration.ofMillis(200)).build();

        RuleFailureException e = catchThrowableOfType(RuleFailureException.class, () -> waiting.assess(GRAVE));

        assertThat(e).hasMessage("the rules ran past the time limit of 200 ms on scenario 'one-threat' and were stopped "
                + "while rule 'wait for a grave threat' (wait.drl:11) was running. Maybe a rule's action loops or waits; if "
                + "the rules truly need longer, raise the limit (--timeout on the command line, timeout(...) in Java).");
        assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is not left on the caller's thread").isFalse();
        assertThat(waiting.assess(ONE_THREAT).finding("THREATENED")).as("a halted session is not reused halted").isPresent();
    }

    @Test
    void rulesThatKeepFiringSlowlyAreHaltedBetweenTwoFiringsAtTheLimit() {
        Reasoner slow = only("slow.drl", """
                package u;
                import org.threshold.fact.Threat;
                declare Tick
                    n : int
                end
                rule "start ticking"
                when
                    Threat()
                then
                    insert( new Tick( 0 ) );
                end
                rule "slow tick"
                when
                    $t : Tick()
                then
                    long end = System.nanoTime() + 20000000L;
                    while ( System.nanoTime() < end ) { }
                    delete( $t );
                    insert( new Tick( $t.getN() + 1 ) );
                end
                """).timeout(Duration.ofMillis(300)).build();

        assertThatThrownBy(() -> slow.assess(ONE_THREAT))
                .isInstanceOf(RuleFailureException.class)
                .hasMessageStartingWith("the rules ran past the time limit of 300 ms on scenario 'one-threat' and were "
                        + "stopped while rule 'slow tick' (slow.drl:12) was running.");
    }

    @Test
    void aRuleStuckInJavaCodeIsHandedToTheHandlerWhileItRunsAndFailsWhenItReturns() {
        List<String> told = new CopyOnWriteArrayList<>();
        // the action ignores interrupts and returns only after two seconds: stuck, for the watchdog
        Reasoner stuck = only("stuck.drl", """
                package u;
                import org.threshold.fact.Threat;
                rule "busy for two seconds"
                when
                    Threat()
                then
                    long end = System.nanoTime() + 2000000000L;
                    while ( System.nanoTime() < end ) { }
                end
                """).timeout(Duration.ofMillis(100)).onStuck(e -> told.add(e.getMessage())).build();

        assertThatThrownBy(() -> stuck.assess(ONE_THREAT))
                .isInstanceOf(RuleFailureException.class)
                .hasMessageContaining("ran past the time limit of 100 ms")
                .hasMessageContaining("rule 'busy for two seconds' (stuck.drl:3)");
        assertThat(told).containsExactly("rule 'busy for two seconds' (stuck.drl:3) is still running on scenario "
                + "'one-threat' past the time limit of 100 ms and cannot be stopped: it does not return, and Java code "
                + "stuck in a rule can only be abandoned. Maybe its action or a condition loops forever or waits for "
                + "something that never comes.");
    }

    @Test
    void theTimeLimitMustBePositive() {
        assertThatThrownBy(() -> Threshold.builder().timeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeout must be positive (PT0S)");
    }

    // ---- what rules conclude ----

    @Test
    void aReasonWhoseFormatDoesNotFitItsArgumentsNamesTheRule() {
        Reasoner badFormat = only("format.drl", """
                package u;
                import org.threshold.fact.*;

                rule "many strikes"
                when
                    Threat()
                then
                    insertLogical( new Conclusion( "MANY", Reason.of( "%d strikes", "many" ) ) );
                end
                """).build();

        assertThatThrownBy(() -> badFormat.assess(ONE_THREAT))
                .isInstanceOf(RuleFailureException.class)
                .hasMessage("rule 'many strikes' (format.drl:4) gave a reason whose format does not fit its arguments: "
                        + "Reason.of( \"%d strikes\", [many] ): IllegalFormatConversionException (d != java.lang.String). "
                        + "Maybe use %s, which fits any argument.");
    }

    @Test
    void aConclusionInsertedWithPlainInsertIsRefusedNamingTheRuleNotDropped() {
        Reasoner stated = only("stated.drl", """
                package u;
                import org.threshold.fact.*;
                rule "stated threat"
                when
                    Threat()
                then
                    insert( new Conclusion( "STATED", Reason.of( "a threat" ) ) );
                end
                """).build();

        assertThatThrownBy(() -> stated.assess(ONE_THREAT))
                .isInstanceOf(RuleFailureException.class)
                .hasMessage("rule 'stated threat' (stated.drl:3) inserted the conclusion STATED ('a threat') with "
                        + "insert(...), on scenario 'one-threat'. A conclusion, verdict or metric inserted so is neither "
                        + "explained nor withdrawn when its premises go, so it is refused rather than dropped. Maybe use "
                        + "insertLogical(...).");
    }

    /** A pack that promises a metric, a posture and a risk level. */
    private static final RulePack PROMISING = new RulePack() {
        @Override
        public String name() {
            return "promising";
        }

        @Override
        public List<RuleSource> sources() {
            return List.of(new RuleSource("promising.drl", """
                    package p;
                    import org.threshold.Calibration;
                    import org.threshold.fact.*;
                    rule "level"
                    when
                        Calibration()
                    then
                        insertLogical( new Metric( "p.level", 1.0 ) );
                        insertLogical( new PostureVerdict( Posture.HOLD, Reason.of( "calm" ) ) );
                        insertLogical( new RiskVerdict( RiskLevel.LOW, Reason.of( "calm" ) ) );
                    end
                    """));
        }

        @Override
        public List<String> metrics() {
            return List.of("p.level");
        }

        @Override
        public boolean concludesPosture() {
            return true;
        }

        @Override
        public boolean concludesRiskLevel() {
            return true;
        }
    };

    /** The promising pack, and a user rule that deletes the calibration. */
    private static final Threshold.Builder DELETING = Threshold.builder().defaultPacks(false).pack(PROMISING)
            .pack(RulePack.of("user", List.of(new RuleSource("delete.drl", """
                    package u;
                    import org.threshold.Calibration;
                    rule "drop the calibration"
                    salience 100
                    when
                        $c : Calibration()
                    then
                        delete( $c );
                    end
                    """))));

    @Test
    void anAssessmentThatLacksWhatThePacksPromiseIsNotWholeAndNamesTheRuleThatDeleted() {
        Reasoner whole = Threshold.builder().defaultPacks(false).pack(PROMISING).build();
        Reasoner deleting = DELETING.build();

        assertThat(whole.assess(ONE_THREAT).metrics()).containsEntry("p.level", 1.0);
        assertThatThrownBy(() -> deleting.assess(ONE_THREAT))
                .isInstanceOf(RuleFailureException.class)
                .hasMessage("the assessment of scenario 'one-threat' as of 2026-01-31 is not whole: the metric p.level, the "
                        + "posture, the risk level are missing, though the rule packs loaded promise them. rule 'drop the "
                        + "calibration' (delete.drl:3) deleted Calibration[defaults]. Maybe a rule deletes or replaces a fact "
                        + "the packs rely on (the Calibration, the AsOf clock, a scenario fact, a metric).");
    }

    @Test
    void aSimulatedDayThatLacksWhatThePacksPromiseNamesTheRuleThatDeletedToo() {
        Reasoner deleting = DELETING.build();

        assertThatThrownBy(() -> deleting.simulate(ONE_THREAT, new org.threshold.timeline.SimulationOptions(null, null, 1)))
                .isInstanceOf(RuleFailureException.class)
                .hasMessageStartingWith("the assessment of scenario 'one-threat' as of 2026-01-30 is not whole: the metric "
                        + "p.level, the posture, the risk level are missing")
                .hasMessageContaining("rule 'drop the calibration' (delete.drl:3) deleted Calibration[defaults].");
    }

    // ---- conditions that throw ----

    @Test
    void aConditionThatComparesWithAValueOfAnotherTypeNamesTheRuleAndTheFile() {
        Reasoner mismatched = only("match.drl", """
                package u;
                import org.threshold.fact.Threat;

                rule "high threats"
                when
                    Threat( severity == "high" )
                then
                end
                """).build();

        assertThatThrownBy(() -> mismatched.assess(ONE_THREAT))
                .isInstanceOf(RuleFailureException.class)
                .hasMessage("rule 'high threats' (match.drl:4) failed while matching its conditions ('severity == \"high\"') "
                        + "on scenario 'one-threat': java.lang.NumberFormatException: For input string: \"high\". Maybe a "
                        + "condition compares a field with a value of another type, or calls code that throws.");
    }

    @Test
    void anEvalThatThrowsNamesTheRuleAndTheFile() {
        Reasoner throwing = only("eval.drl", """
                package u;
                import org.threshold.fact.Threat;
                rule "parse the threat"
                when
                    Threat()
                    eval( Integer.parseInt( "x" ) > 0 )
                then
                end
                """).build();

        assertThatThrownBy(() -> throwing.assess(ONE_THREAT))
                .isInstanceOf(RuleFailureException.class)
                .hasMessageStartingWith("rule 'parse the threat' (eval.drl:3) failed while matching its conditions on "
                        + "scenario 'one-threat': java.lang.NumberFormatException: For input string: \"x\".");
    }

    @Test
    void aRuleThatFailsNamesOnlyFactsAmongWhatItMatched() {
        Reasoner noStrike = only("none.drl", """
                package u;
                import org.threshold.fact.Strike;
                rule "no strike yet"
                when
                    not Strike()
                then
                    throw new IllegalStateException( "no strike" );
                end
                """).build();

        assertThatThrownBy(() -> noStrike.assess(ONE_THREAT))
                .isInstanceOf(RuleFailureException.class)
                .hasMessage("rule 'no strike yet' failed in its action: java.lang.IllegalStateException: no strike; "
                        + "it had matched []");
    }

    // ---- files that do not compile ----

    @Test
    void anUnresolvedImportIsPlacedAtItsLineAndColumn() {
        InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class, () -> only("import.drl", """
                package u;
                import org.threshold.fact.Threat;

                  import org.nowhere.Missing;
                rule "threatened"
                when
                    Threat()
                then
                end
                """).build());

        assertThat(e.problems()).extracting(InvalidRulesException.Problem::toString).containsExactly(
                "import.drl:4:3: cannot import 'org.nowhere.Missing': no such class on the class path. Maybe check its "
                        + "spelling and package, or put the jar that holds it on the class path.");
    }

    @Test
    void aDeclaredTypeThatHidesAFactTypeOfTheModelIsRefused() {
        InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class, () -> only("hide.drl", """
                package u;

                declare Strike
                    n : int
                end
                rule "count strikes"
                when
                    Strike()
                then
                end
                """).build());

        assertThat(e.problems()).extracting(InvalidRulesException.Problem::toString).containsExactly(
                "hide.drl:3:1: the declared type 'u.Strike' has the name of the model's org.threshold.fact.Strike, which "
                        + "rules of package u would no longer see. Maybe give your type another name, like 'MyStrike'.");
    }

    @Test
    void aRuleFileInAnotherEncodingNamesTheFirstBadByteByItsOffsetAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin1.drl");
        Files.write(file, "package u;\n// caf\u00e9\nrule \"x\" when then end\n".getBytes(StandardCharsets.ISO_8859_1));

        InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class, () -> RulePack.fromPath(file));

        assertThat(e.problems()).extracting(InvalidRulesException.Problem::toString).containsExactly(
                file + ":2: the file is not UTF-8 text: byte 0xE9 at byte offset 17 (line 2) is not valid UTF-8. Rule files "
                        + "are read as UTF-8; maybe the file was saved in another encoding (such as ISO-8859-1 or "
                        + "Windows-1252): save it as UTF-8.");
    }
}
