package org.threshold.impl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.threshold.fact.Event;

/**
 * Which events with a source a conclusion rests on, for its {@code sources}.
 *
 * <p>Implementation notes: the derivation is followed back through the engine's justifications.
 * A conclusion's justification names the facts its rule matched and, for its {@code accumulate}
 * conditions, the facts they gathered (see {@link Justifications.Justified#accumulated()}); a
 * derived fact among them (a metric) is followed to the justifications of the rule that derived
 * it, and so on, until only given facts remain. The events among those are cited: exactly the
 * events the derivation used (for a sum over every strike, every strike; for a count of the
 * strikes whose window closed without an answer, those strikes), none that it did not. Nothing is recorded while rules fire: this runs only where the session holds
 * events with a source.
 */
final class Provenance {

    private static final Comparator<Event> BY_DAY = Comparator.comparing(Event::day)
            .thenComparing(e -> e.source().citation());

    private Provenance() {
    }

    /** The events in the session that carry a source; empty when none does, the common case. */
    static List<Event> sourcedEvents(KieSession session) {
        List<Event> out = new ArrayList<>();
        for (Object o : session.getObjects()) {
            if (o instanceof Event e && e.source() != null) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * The citations of the events the justifications rest on, in the order of the events' days,
     * each once.
     */
    static List<String> sources(KieSession session, List<Justifications.Justified> because, List<Event> sourced) {
        if (sourced.isEmpty()) {
            return List.of();
        }
        Set<Event> cited = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Object> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Justifications.Justified> queue = new ArrayDeque<>(because);
        while (!queue.isEmpty()) {
            Justifications.Justified j = queue.poll();
            List<Object> facts = new ArrayList<>(j.explanation().facts());
            facts.addAll(j.accumulated());
            for (Object fact : facts) {
                if (!visited.add(fact)) {
                    continue;
                }
                if (fact instanceof Event event) {
                    if (event.source() != null) {
                        cited.add(event);
                    }
                    continue;
                }
                FactHandle handle = session.getFactHandle(fact);
                if (handle != null) {
                    queue.addAll(Justifications.of(handle, x -> null));
                }
            }
        }
        List<Event> ordered = new ArrayList<>(cited);
        ordered.sort(BY_DAY);
        Set<String> citations = new LinkedHashSet<>();
        for (Event event : ordered) {
            citations.add(event.source().citation());
        }
        return List.copyOf(citations);
    }
}
