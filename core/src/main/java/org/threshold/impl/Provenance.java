package org.threshold.impl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.threshold.Explanation;
import org.threshold.fact.Event;

/**
 * Which events with a source a conclusion rests on, for its {@code sources}.
 *
 * <p>Implementation notes: the derivation is followed back through the engine's justifications:
 * a conclusion's explanations name the facts its rule matched; a derived fact among them (a
 * metric) is followed to the explanations of the rule that derived it, and so on. An event matched
 * directly is cited. Most events reach a conclusion through an {@code accumulate} (humiliation
 * sums every strike), whose single matches the engine does not keep; so every rule met on the way
 * also cites the events of every type its conditions read (inside {@code accumulate}, {@code not}
 * and {@code exists} too). Conditions on those events are not evaluated: a rule that sums only
 * deep strikes cites every strike. Sources are thus a superset of the events that changed the
 * outcome, never a subset.
 */
final class Provenance {

    private static final Comparator<Event> BY_DAY = Comparator.comparing(Event::day)
            .thenComparing(e -> e.source().citation());

    /** The event types each rule's conditions read, by rule name (rules of one name together). */
    private final Map<String, Set<Class<?>>> eventTypesRead;

    Provenance(KieBase kieBase) {
        Map<String, Set<Class<?>>> read = new HashMap<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                Set<Class<?>> types = read.computeIfAbsent(r.getName(), k -> new LinkedHashSet<>());
                if (r instanceof RuleImpl impl) {
                    collect(impl.getLhs(), types, Collections.newSetFromMap(new IdentityHashMap<>()));
                }
            }
        }
        this.eventTypesRead = read;
    }

    private static void collect(RuleConditionElement element, Set<Class<?>> types, Set<Object> seen) {
        if (element == null || !seen.add(element)) {
            return;
        }
        if (element instanceof Pattern p && p.getObjectType() instanceof ClassObjectType c
                && Event.class.isAssignableFrom(c.getClassType())) {
            types.add(c.getClassType());
        }
        if (element instanceof Pattern p && p.getSource() != null) {
            collect(p.getSource(), types, seen);
        }
        List<? extends RuleConditionElement> nested = element.getNestedElements();
        if (nested != null) {
            for (RuleConditionElement n : nested) {
                collect(n, types, seen);
            }
        }
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
     * The citations of the events the explanations rest on, in the order of the events' days,
     * each once.
     */
    List<String> sources(KieSession session, List<Explanation> because, List<Event> sourced) {
        if (sourced.isEmpty()) {
            return List.of();
        }
        Set<Class<?>> typesRead = new LinkedHashSet<>();
        Set<Event> direct = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Object> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<String> rules = new LinkedHashSet<>();
        Deque<Explanation> queue = new ArrayDeque<>(because);
        while (!queue.isEmpty()) {
            Explanation e = queue.poll();
            if (rules.add(e.rule())) {
                typesRead.addAll(eventTypesRead.getOrDefault(e.rule(), Set.of()));
            }
            for (Object fact : e.facts()) {
                if (!visited.add(fact)) {
                    continue;
                }
                if (fact instanceof Event event) {
                    if (event.source() != null) {
                        direct.add(event);
                    }
                    continue;
                }
                FactHandle handle = session.getFactHandle(fact);
                if (handle != null) {
                    for (Justifications.Justified j : Justifications.of(handle, x -> null)) {
                        queue.add(j.explanation());
                    }
                }
            }
        }
        List<Event> cited = new ArrayList<>();
        for (Event event : sourced) {
            if (direct.contains(event) || typesRead.stream().anyMatch(t -> t.isInstance(event))) {
                cited.add(event);
            }
        }
        cited.sort(BY_DAY);
        Set<String> citations = new LinkedHashSet<>();
        for (Event event : cited) {
            citations.add(event.source().citation());
        }
        return List.copyOf(citations);
    }
}
