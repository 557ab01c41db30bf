package org.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.threshold.fact.Threat;

/**
 * Rules that do not compile, that never settle, and whose action throws: each fails with one
 * message that says where and why, and no assessment is returned.
 */
class BadRulesTest {

    private static final Scenario ONE_THREAT = Scenario.builder("one-threat", LocalDate.of(2026, 1, 31))
            .event(new Threat(LocalDate.of(2026, 1, 30), 0.7))
            .build();

    private static Threshold.Builder only(String file, String drl) {
        return Threshold.builder().defaultPacks(false).pack(RulePack.of("user", List.of(new RuleSource(file, drl))));
    }

    // ---- rules that do not compile ----

    @Test
    void everyCompileErrorIsListedWithFileLineColumnAndTheCompilersWords() {
        InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class, () -> Threshold.builder()
                .defaultPacks(false)
                .pack(RulePack.of("user", List.of(
                        new RuleSource("fields.drl", """
                                package u;
                                import org.threshold.fact.Metric;
                                rule "typo"
                                when
                                    Metric( nme == "humiliation" )
                                then
                                end
                                """),
                        new RuleSource("types.drl", """
                                package u;
                                rule "no such type"
                                when
                                      Foo( )
                                then
                                end
                                """))))
                .build());

        assertThat(e.problems()).extracting(InvalidRulesException.Problem::file, InvalidRulesException.Problem::line,
                InvalidRulesException.Problem::column).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("fields.drl", 5, 5),
                        org.assertj.core.groups.Tuple.tuple("types.drl", 4, 7));
        assertThat(e.getMessage()).startsWith("rules do not compile (2 errors):")
                .contains("fields.drl:5:5: Unable to Analyse Expression nme == \"humiliation\"")
                .contains("Metric.nme()")
                .contains("types.drl:4:7: Unable to resolve ObjectType 'Foo'")
                .doesNotContain("\n  ^").doesNotContain("threshold/source");
    }

    @Test
    void aSyntaxErrorGivesTheParsersLineAndColumnAndNoNoise() {
        InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class, () -> only("syntax.drl", """
                package u;
                rule "unclosed"
                when
                    eval( true
                then
                end
                """).build());

        assertThat(e.problems()).hasSize(1);
        assertThat(e.getMessage()).isEqualTo("rules do not compile (1 error):" + System.lineSeparator()
                + "  syntax.drl:5:1: [ERR 102] Line 5:0 mismatched input 'then' in rule \"unclosed\"");
    }

    @Test
    void anErrorInAnActionNamesTheRule() {
        InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class, () -> only("action.drl", """
                package u;

                rule "bad action"
                when
                    eval( true )
                then
                    int n = "text";
                end
                """).build());

        assertThat(e.getMessage()).contains("action.drl:3:1: in the action of rule 'bad action': Rule Compilation error "
                + "Type mismatch: cannot convert from String to int");
    }

    // ---- rules that never settle ----

    @Test
    void aRuleThatLoopsIsStoppedAtTheLimitAndNamed() {
        Reasoner looping = only("loop.drl", """
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
                rule "tick forever"
                when
                    $t : Tick()
                then
                    delete( $t );
                    insert( new Tick( $t.getN() + 1 ) );
                end
                """).maxFirings(500).build();

        assertThatThrownBy(() -> looping.assess(ONE_THREAT))
                .isInstanceOf(RuleFailureException.class)
                .hasMessageStartingWith("the rules did not settle on scenario 'one-threat': they fired 500 times, the limit. "
                        + "The rules that fired most: 'tick forever' (")
                .hasMessageContaining("), 'start ticking' (1). Maybe a rule modifies "
                        + "or re-inserts a fact it matches; if the pack truly needs more firings, raise the limit with "
                        + "maxFirings(...).");
    }

    @Test
    void theFiringLimitMustBePositive() {
        assertThatThrownBy(() -> Threshold.builder().maxFirings(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxFirings must be positive (0)");
    }

    // ---- rules whose action throws ----

    @Test
    void aRuleWhoseActionThrowsIsNamedWithTheFactsItMatched() {
        Reasoner throwing = only("throws.drl", """
                package u;
                import org.threshold.fact.Threat;
                rule "divide by nothing"
                when
                    $t : Threat()
                then
                    int zero = 0;
                    System.identityHashCode( 1 / zero );
                end
                """).build();

        RuleFailureException e = catchThrowableOfType(RuleFailureException.class, () -> throwing.assess(ONE_THREAT));

        assertThat(e).hasMessage("rule 'divide by nothing' failed in its action: java.lang.ArithmeticException: / by zero; "
                + "it had matched [Threat[day=2026-01-30, severity=0.7]]");
    }

    @Test
    void noPartialAssessmentIsReturnedAndTheReasonerStaysUsable() {
        Reasoner sometimes = only("sometimes.drl", """
                package u;
                import org.threshold.fact.Threat;
                import org.threshold.fact.Conclusion;
                import org.threshold.fact.Reason;
                rule "threatened"
                salience 10
                when
                    Threat()
                then
                    insertLogical( new Conclusion( "THREATENED", Reason.of( "a threat" ) ) );
                end
                rule "grave threats break"
                when
                    Threat( severity > 0.9 )
                then
                    throw new IllegalStateException( "too grave" );
                end
                """).build();
        Scenario grave = ONE_THREAT.toBuilder().event(new Threat(LocalDate.of(2026, 1, 29), 0.95)).build();

        assertThatThrownBy(() -> sometimes.assess(grave))
                .isInstanceOf(RuleFailureException.class)
                .hasMessageStartingWith("rule 'grave threats break' failed in its action: java.lang.IllegalStateException: too grave");
        assertThat(sometimes.assess(ONE_THREAT).finding("THREATENED")).isPresent();
    }
}
