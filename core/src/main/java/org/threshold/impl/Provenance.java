package org.threshold.impl;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.drools.base.base.ClassObjectType;
import org.drools.base.base.ObjectType;
import org.drools.core.common.ClassAwareObjectStore;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;
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
 * strikes whose window closed without an answer, those strikes), none that it did not. Nothing
 * is recorded while rules fire, and nothing is followed where the session holds no event with a
 * source (the common case). Within one reading of a session, what each derived fact rests on is
 * found once and shared by every conclusion that reaches it.
 */
final class Provenance {

    private Provenance() {
    }

    /**
     * The types of fact a rule of the knowledge base can match that an event may be: events
     * themselves and their supertypes. Only a fact a rule matched can be in a derivation, so these
     * are the only ones {@link #anySourced} needs to look at.
     */
    static List<Class<?>> eventTypes(KieBase kieBase) {
        List<Class<?>> types = new ArrayList<>();
        if (!(kieBase instanceof InternalRuleBase base)) {
            types.add(Object.class);
            return types;
        }
        for (ObjectTypeNode node : base.getRete().getObjectTypeNodes()) {
            ObjectType type = node.getObjectType();
            if (!(type instanceof ClassObjectType c)) {
                continue;
            }
            Class<?> k = c.getClassType();
            if ((Event.class.isAssignableFrom(k) || k.isAssignableFrom(Event.class)) && !types.contains(k)) {
                types.add(k);
            }
        }
        return List.copyOf(types);
    }

    /** Whether the session holds an event with a source, among its facts of the given types; not so in the common case. */
    static boolean anySourced(KieSession session, List<Class<?>> eventTypes) {
        if (!(session instanceof StatefulKnowledgeSessionImpl engine)
                || !(engine.getObjectStore() instanceof ClassAwareObjectStore store)) {
            for (Object o : session.getObjects()) {
                if (o instanceof Event e && e.source() != null) {
                    return true;
                }
            }
            return false;
        }
        for (Class<?> type : eventTypes) {
            for (Iterator<Object> it = store.iterateObjects(type); it.hasNext(); ) {
                if (it.next() instanceof Event e && e.source() != null) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Follows the derivations of one session's conclusions. What each fact rests on directly (the
     * sourced events among its premises, numbered as they are met, and its other premises) is
     * found once and shared by every conclusion that reaches it; conclusions that rest on the
     * same events share one list of citations.
     */
    static final class Tracer {
        private final KieSession session;
        private final Map<Object, Integer> number = new IdentityHashMap<>();
        private final List<Event> events = new ArrayList<>();
        private final List<String> citations = new ArrayList<>();
        private final Map<Object, Premises> premises = new IdentityHashMap<>();
        private final Map<BitSet, List<String>> cited = new HashMap<>();

        /** A fact's direct premises: the numbers of the sourced events among them, and the other facts. */
        private record Premises(BitSet events, List<Object> facts) {
        }

        Tracer(KieSession session) {
            this.session = session;
        }

        /**
         * The citations of the events the justifications rest on, in the order of the events'
         * days, each once.
         */
        List<String> sources(List<Justifications.Justified> because) {
            BitSet found = new BitSet();
            Deque<Object> queue = new ArrayDeque<>();
            for (Justifications.Justified j : because) {
                split(j.explanation().facts(), found, queue);
                split(j.accumulated(), found, queue);
            }
            Set<Object> visited = Collections.newSetFromMap(new IdentityHashMap<>());
            while (!queue.isEmpty()) {
                Object fact = queue.poll();
                if (visited.add(fact)) {
                    Premises p = premisesOf(fact);
                    found.or(p.events());
                    queue.addAll(p.facts());
                }
            }
            if (found.isEmpty()) {
                return List.of();
            }
            return cited.computeIfAbsent(found, this::citations);
        }

        private List<String> citations(BitSet found) {
            List<Integer> ordered = new ArrayList<>(found.cardinality());
            for (int i = found.nextSetBit(0); i >= 0; i = found.nextSetBit(i + 1)) {
                ordered.add(i);
            }
            ordered.sort((a, b) -> {
                int byDay = events.get(a).day().compareTo(events.get(b).day());
                return byDay != 0 ? byDay : citations.get(a).compareTo(citations.get(b));
            });
            Set<String> out = new LinkedHashSet<>();
            for (int i : ordered) {
                out.add(citations.get(i));
            }
            return List.copyOf(out);
        }

        /** Numbers the sourced events among the premises into {@code found}; the premises that are not events go to {@code facts}. */
        private void split(List<Object> premises, BitSet found, java.util.Collection<Object> facts) {
            for (Object fact : premises) {
                if (fact instanceof Event event) {
                    if (event.source() != null) {
                        found.set(numberOf(event));
                    }
                } else {
                    facts.add(fact);
                }
            }
        }

        private int numberOf(Event event) {
            Integer n = number.get(event);
            if (n == null) {
                n = events.size();
                events.add(event);
                citations.add(event.source().citation());
                number.put(event, n);
            }
            return n;
        }

        private Premises premisesOf(Object fact) {
            Premises known = premises.get(fact);
            if (known != null) {
                return known;
            }
            BitSet bits = new BitSet();
            List<Object> facts = new ArrayList<>();
            FactHandle handle = session.getFactHandle(fact);
            if (handle != null) {
                for (Match match : Justifications.justifiers(handle)) {
                    split(Justifications.userFacts(match.getObjects()), bits, facts);
                    split(Justifications.Justified.accumulated(match), bits, facts);
                }
            }
            Premises p = new Premises(bits, facts);
            premises.put(fact, p);
            return p;
        }
    }
}
