package org.threshold.impl;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.drools.core.common.EqualityKey;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.reteoo.AccumulateNode;
import org.drools.core.reteoo.NotNodeLeftTuple;
import org.drools.core.reteoo.SubnetworkTuple;
import org.drools.core.reteoo.TupleImpl;
import org.drools.tms.LogicalDependency;
import org.drools.tms.SimpleMode;
import org.drools.tms.TruthMaintenanceSystemEqualityKey;
import org.drools.tms.beliefsystem.BeliefSet;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;
import org.threshold.Explanation;
import org.threshold.fact.Reason;

/**
 * Reads why a logically inserted fact holds from the engine's truth maintenance: each
 * justification is the rule match that inserted it, with the rule, its matched facts and its
 * bindings.
 *
 * <p>Implementation notes: nothing is recorded while rules fire; after {@code fireAllRules} the
 * belief set of each derived fact still lists the live matches that justify it, so reading them
 * costs nothing unless asked for. Each justification also keeps the object its rule inserted,
 * which carries the rule's {@link Reason}.
 */
final class Justifications {

    private Justifications() {
    }

    /**
     * One justification: the explanation, the object its rule inserted, and the facts its
     * {@code accumulate} conditions gathered (which the explanation's facts do not list).
     *
     * <p>Implementation notes: the engine keeps, under the tuple that entered an accumulate, one
     * child tuple per fact gathered (its right parent holds the fact); a sub-network of
     * conditions passes a tuple whose left parents hold the facts; an {@code exists} condition
     * keeps the fact that satisfies it as the blocker of the tuple it passed on. These are the engine's
     * internals (drools-core's reteoo package), read only after firing, never changed.
     */
    record Justified(Explanation explanation, Object inserted, Match match) {

        /** The facts the match's accumulates gathered and its exists conditions found, found on demand. */
        List<Object> accumulated() {
            return accumulated(match);
        }

        /** The facts a match's accumulates gathered and its exists conditions found. */
        static List<Object> accumulated(Match match) {
            List<Object> out = new ArrayList<>();
            if (match instanceof TupleImpl t) {
                TupleImpl prev = null;
                for (TupleImpl x = t; x != null; prev = x, x = x.getParent()) {
                    if (prev != null) {
                        exists(x, prev, out);
                    }
                    if (x.getContextObject() instanceof AccumulateNode.AccumulateContext) {
                        for (TupleImpl child = x.getFirstChild(); child != null; child = child.getHandleNext()) {
                            TupleImpl right = child.getRightParent();
                            if (right == null) {
                                continue;
                            }
                            Object gathered = right.getFactHandle() == null ? null : right.getFactHandle().getObject();
                            if (right instanceof SubnetworkTuple) {
                                // a sub-network's tuple ({@code $t : Threat(...) and not ... and AsOf(...)}) holds
                                // the fact of its last condition, if that is a fact, and the others on its left parents
                                facts(gathered, out);
                                facts(right.getLeftParent(), out);
                            } else {
                                facts(gathered != null ? gathered : right.getLeftParent(), out);
                            }
                        }
                    }
                }
            }
            return out;
        }

        /**
         * The facts that satisfy the exists conditions between {@code x} and {@code prev}, its
         * descendant on the match's path: an exists node keeps the tuple it passed on as a child
         * of {@code x}, blocked by the fact that satisfies it, and the match continues from that
         * child's children.
         */
        private static void exists(TupleImpl x, TupleImpl prev, List<Object> out) {
            for (TupleImpl c = x.getFirstChild(); c != null; c = c.getHandleNext()) {
                if (c instanceof NotNodeLeftTuple n && n.getBlocker() != null) {
                    for (TupleImpl g = c.getFirstChild(); g != null; g = g.getHandleNext()) {
                        if (g == prev) {
                            TupleImpl blocker = n.getBlocker();
                            Object fact = blocker.getFactHandle() == null ? null : blocker.getFactHandle().getObject();
                            facts(fact != null ? fact : blocker.getLeftParent(), out);
                            break;
                        }
                    }
                }
            }
        }

        /** A fact, or the facts of a tuple a sub-network of conditions ({@code a and not b}) passed on. */
        private static void facts(Object o, List<Object> out) {
            if (o instanceof TupleImpl tuple) {
                for (TupleImpl x = tuple; x != null; x = x.getParent()) {
                    Object fact = x.getFactHandle() == null ? null : x.getFactHandle().getObject();
                    if (fact != null && !(fact instanceof TupleImpl)) {
                        out.add(fact);
                    }
                }
            } else if (o != null) {
                out.add(o);
            }
        }
    }

    static List<Justified> of(FactHandle handle, Function<Object, Reason> reasonOf) {
        return of(handle, reasonOf, null);
    }

    /**
     * The justifications read from a live session the last time, to be taken again where nothing
     * behind them changed: a session that moves from one scenario to the next, or from one day to
     * the next, keeps most of its derived facts and the matches that justify them.
     *
     * <p>Implementation notes: the engine records each logical insertion as a new belief (a
     * {@code SimpleMode}); a match fired again, for whatever reason, gives new ones. A belief
     * seen at the last reading, with the same match and inserted object, and the match still
     * holding the very same facts, explains exactly what it explained then (facts are
     * immutable, and a change to one is told to the engine, which fires the match again), so its
     * explanation is taken over instead of read again. What was not seen at one reading is
     * forgotten at the next.
     */
    static final class Memo {
        private Map<Object, Entry> previous = new IdentityHashMap<>();
        private Map<Object, Entry> current = new IdentityHashMap<>();

        private record Entry(Match match, Object inserted, Object[] facts, Justified justified) {
        }

        void begin() {
            current.clear();
        }

        void end() {
            Map<Object, Entry> done = previous;
            previous = current;
            current = done;
            current.clear();
        }

        private Justified get(Object belief, Match match, Object inserted, Object[] facts) {
            Entry e = previous.get(belief);
            if (e == null || e.match() != match || e.inserted() != inserted || !sameFacts(e.facts(), facts)) {
                return null;
            }
            current.put(belief, e);
            return e.justified();
        }

        private void put(Object belief, Match match, Object inserted, Object[] facts, Justified justified) {
            current.put(belief, new Entry(match, inserted, facts, justified));
        }

        private static boolean sameFacts(Object[] a, Object[] b) {
            if (a == null || b == null || a.length != b.length) {
                return false;
            }
            for (int i = 0; i < a.length; i++) {
                if (a[i] != b[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The objects of a match's tuple, from its last condition to its first; null where it cannot tell. */
    private static Object[] tupleFacts(Match match) {
        if (!(match instanceof TupleImpl t)) {
            return null;
        }
        int n = 0;
        for (TupleImpl x = t; x != null; x = x.getParent()) {
            n++;
        }
        Object[] facts = new Object[n];
        int i = 0;
        for (TupleImpl x = t; x != null; x = x.getParent()) {
            facts[i++] = x.getFactHandle() == null ? null : x.getFactHandle().getObject();
        }
        return facts;
    }

    /** As {@link #of(FactHandle, Function)}, taking over from {@code memo} what is unchanged since its last reading; null for none. */
    static List<Justified> of(FactHandle handle, Function<Object, Reason> reasonOf, Memo memo) {
        List<Justified> out = new ArrayList<>(1);
        if (!(handle instanceof InternalFactHandle internal)) {
            return out;
        }
        EqualityKey key = internal.getEqualityKey();
        if (!(key instanceof TruthMaintenanceSystemEqualityKey tmsKey)) {
            return out;
        }
        BeliefSet<?> beliefs = tmsKey.getBeliefSet();
        if (beliefs == null) {
            return out;
        }
        for (SimpleMode mode = (SimpleMode) beliefs.getFirst(); mode != null; mode = mode.getNext()) {
            LogicalDependency<SimpleMode> dependency = mode.getObject();
            Match match = dependency.getJustifier();
            Object inserted = dependency.getObject();
            if (memo == null) {
                out.add(new Justified(explain(match, reasonOf.apply(inserted)), inserted, match));
                continue;
            }
            Object[] facts = tupleFacts(match);
            Justified known = memo.get(mode, match, inserted, facts);
            if (known == null) {
                known = new Justified(explain(match, reasonOf.apply(inserted)), inserted, match);
                memo.put(mode, match, inserted, facts, known);
            }
            out.add(known);
        }
        return out;
    }

    /** The rule matches that justify a derived fact, without their explanations; none for a given fact. */
    static List<Match> justifiers(FactHandle handle) {
        if (!(handle instanceof InternalFactHandle internal)
                || !(internal.getEqualityKey() instanceof TruthMaintenanceSystemEqualityKey tmsKey)
                || tmsKey.getBeliefSet() == null) {
            return List.of();
        }
        List<Match> out = new ArrayList<>(1);
        for (SimpleMode mode = (SimpleMode) tmsKey.getBeliefSet().getFirst(); mode != null; mode = mode.getNext()) {
            LogicalDependency<SimpleMode> dependency = mode.getObject();
            out.add(dependency.getJustifier());
        }
        return out;
    }

    /** A rule's reason whose format does not fit its arguments; the reasoner names the rule. */
    static final class BadReason extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String rule;
        final transient Reason reason;

        BadReason(String rule, Reason reason, java.util.IllegalFormatException cause) {
            super(cause);
            this.rule = rule;
            this.reason = reason;
        }
    }

    private static Explanation explain(Match match, Reason reason) {
        if (reason != null) {
            try {
                reason.check();
            } catch (java.util.IllegalFormatException e) {
                throw new BadReason(match.getRule().getName(), reason, e);
            }
        }
        List<Object> facts = userFacts(match.getObjects());
        Map<String, Object> bindings = new LinkedHashMap<>();
        for (String id : match.getDeclarationIds()) {
            if (id.startsWith("$")) {
                Object value = match.getDeclarationValue(id);
                if (value != null) {
                    bindings.put(id, value);
                }
            }
        }
        return new Explanation(match.getRule().getName(), reason, facts, bindings);
    }

    /** The facts among a match's objects: without the engine's own objects (such as its initial fact) and nulls. */
    static List<Object> userFacts(List<Object> objects) {
        List<Object> facts = new ArrayList<>(objects.size());
        for (Object o : objects) {
            if (o != null && !isEngineObject(o)) {
                facts.add(o);
            }
        }
        return facts;
    }

    private static boolean isEngineObject(Object o) {
        String name = o.getClass().getName();
        return name.startsWith("org.drools.") || name.startsWith("org.kie.");
    }

    /** Whether the fact was inserted with plain {@code insert} (stated), not {@code insertLogical}. */
    static boolean isStated(FactHandle handle) {
        if (!(handle instanceof InternalFactHandle internal)) {
            return false;
        }
        EqualityKey key = internal.getEqualityKey();
        return key == null || key.getStatus() == EqualityKey.STATED;
    }
}
