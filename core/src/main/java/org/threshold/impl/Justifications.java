package org.threshold.impl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.drools.core.common.EqualityKey;
import org.drools.core.common.InternalFactHandle;
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

    /** One justification: the explanation, and the object its rule inserted. */
    record Justified(Explanation explanation, Object inserted) {
    }

    static List<Justified> of(FactHandle handle, Function<Object, Reason> reasonOf) {
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
            Reason reason = reasonOf.apply(inserted);
            out.add(new Justified(explain(match, reason), inserted));
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
