package org.threshold.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.threshold.Assessment;
import org.threshold.Explanation;
import org.threshold.Reasoner;
import org.threshold.ReasoningSession;
import org.threshold.RuleFailureException;
import org.threshold.Scenario;

/**
 * Finds signposts: for each subject (a conclusion, {@code posture}, {@code riskLevel}) and each
 * {@link SignpostKind} of event, the smallest number of further events that flips it, up to a
 * limit. This is assumption-based planning done by the engine: which assumption the current
 * picture rests on, and which observable events would show it failing.
 *
 * <p>Unanswered events are dated by the first answer window a pack of the reasoner gives
 * ({@link org.threshold.RulePack#answerWindowDays}); where none does, those kinds are left out.
 *
 * <p>Each kind costs at most {@code maxEvents} assessments, whatever the number of subjects: the
 * scenario with 1, 2, ... more events is assessed once and every subject is read from it. The
 * assessments run in one live session ({@link ReasoningSession#reassess(Scenario)}): each further
 * event is one fact more, not a fresh assessment of the whole scenario.
 */
public final class Signposts {

    /** How many further events of one kind are tried unless told otherwise. */
    public static final int DEFAULT_MAX_EVENTS = 30;
    /** The severity (or magnitude) of each further event unless told otherwise. */
    public static final double DEFAULT_SCORE = 0.6;
    /** The subject for the observer's posture. */
    public static final String POSTURE = "posture";
    /** The subject for the risk level. */
    public static final String RISK_LEVEL = "riskLevel";

    private final Reasoner reasoner;
    private final int maxEvents;
    private final double score;
    private final Progress progress;

    /** Signposts with up to {@value #DEFAULT_MAX_EVENTS} events of severity {@value #DEFAULT_SCORE}. */
    public Signposts(Reasoner reasoner) {
        this(reasoner, DEFAULT_MAX_EVENTS, DEFAULT_SCORE);
    }

    public Signposts(Reasoner reasoner, int maxEvents, double score) {
        this(reasoner, maxEvents, score, Progress.NONE);
    }

    private Signposts(Reasoner reasoner, int maxEvents, double score, Progress progress) {
        this.progress = Objects.requireNonNull(progress, "progress");
        this.reasoner = Objects.requireNonNull(reasoner, "reasoner");
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEvents must be at least 1 (" + maxEvents + ")");
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("the severity of the further events must be in [0, 1] (" + score + ")");
        }
        this.maxEvents = maxEvents;
        this.score = score;
    }

    /**
     * The same signposts reporting to {@code progress}: one unit an assessment, the whole being
     * the most assessments the search can take (a kind that flips every subject early counts its
     * remaining units at once).
     */
    public Signposts withProgress(Progress progress) {
        return new Signposts(reasoner, maxEvents, score, progress);
    }

    /**
     * The signposts of {@code scenario} for these subjects, by subject, then by kind; a kind that
     * does not flip a subject within the limit gives no signpost for it.
     */
    public List<Signpost> find(Scenario scenario, List<String> subjects) {
        long total = 1;
        for (SignpostKind kind : SignpostKind.values()) {
            total += kind == SignpostKind.THRESHOLD_CROSSING ? 1 : maxEvents;
        }
        progress.start("signposts", total);
        try {
            return search(scenario, subjects);
        } finally {
            progress.finish();
        }
    }

    private List<Signpost> search(Scenario scenario, List<String> subjects) {
        Assessment base = reasoner.assess(scenario);
        progress.advance(1);
        List<Signpost> found = new ArrayList<>();
        List<List<Signpost>> bySubject = new ArrayList<>();
        subjects.forEach(x -> bySubject.add(new ArrayList<>()));
        java.util.OptionalDouble window = answerWindowDays(scenario);
        // one live session: each further event is one insert, and each new kind replaces the last
        // kind's events, instead of a fresh assessment of the whole scenario every time
        try (ReasoningSession live = reasoner.open(scenario)) {
            for (SignpostKind kind : SignpostKind.values()) {
                if (kind.unanswered() && window.isEmpty()) {
                    continue;
                }
                boolean[] done = new boolean[subjects.size()];
                int remaining = subjects.size();
                int limit = kind == SignpostKind.THRESHOLD_CROSSING ? 1 : maxEvents;
                int k = 1;
                for (; k <= limit && remaining > 0; k++) {
                    Assessment a;
                    try {
                        a = live.reassess(scenario.toBuilder().events(kind.events(scenario, k, score, window.orElse(0))).build());
                    } catch (RuleFailureException e) {
                        throw new RuleFailureException("while looking for signposts, in the scenario '" + scenario.name()
                                + "' with " + k + " more event(s) of the kind " + kind + ": " + e.getMessage(), e);
                    }
                    for (int i = 0; i < subjects.size(); i++) {
                        if (done[i]) {
                            continue;
                        }
                        String subject = subjects.get(i);
                        String now = state(base, subject);
                        String then = state(a, subject);
                        if (!now.equals(then)) {
                            bySubject.get(i).add(new Signpost(subject, now, then, kind, k, score, because(base, a, subject)));
                            done[i] = true;
                            remaining--;
                        }
                    }
                    progress.advance(1);
                }
                progress.advance(limit - (k - 1));
            }
        }
        bySubject.forEach(found::addAll);
        return found;
    }

    /** The first answer window a pack of the reasoner gives for the scenario's calibration. */
    private java.util.OptionalDouble answerWindowDays(Scenario scenario) {
        org.threshold.Calibration c = scenario.calibration();
        for (org.threshold.RulePack pack : reasoner.packs()) {
            java.util.OptionalDouble w = c.declaredKeys().keySet().containsAll(
                    pack.calibration().stream().map(org.threshold.CalibrationKey::name).toList())
                    ? pack.answerWindowDays(c) : java.util.OptionalDouble.empty();
            if (w.isPresent()) {
                return w;
            }
        }
        return java.util.OptionalDouble.empty();
    }

    /** A subject's state: the posture, the risk level, or whether a conclusion holds. */
    public static String state(Assessment a, String subject) {
        if (POSTURE.equals(subject)) {
            return String.valueOf(a.posture());
        }
        if (RISK_LEVEL.equals(subject)) {
            return String.valueOf(a.riskLevel());
        }
        return a.holds(subject) ? "holds" : "does not hold";
    }

    private static List<Explanation> because(Assessment before, Assessment after, String subject) {
        if (POSTURE.equals(subject)) {
            return after.postureBecause();
        }
        if (RISK_LEVEL.equals(subject)) {
            return after.riskLevelBecause();
        }
        return after.finding(subject).or(() -> before.finding(subject)).map(f -> f.because()).orElse(List.of());
    }
}
