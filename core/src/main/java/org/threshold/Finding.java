package org.threshold;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A conclusion that holds, with every justification the engine has for it.
 *
 * @param type the conclusion's name, as the pack that draws it names it (such as {@code NAVAL_CLASH_RISK})
 * @param basis an optional qualifier the rule gives (what the conclusion rests on), or null
 * @param strength an optional number the rule gives (how strongly it holds), or null
 * @param because one explanation per rule match that concludes it, at least one
 */
public record Finding(String type, String basis, Double strength, List<Explanation> because) {

    public Finding {
        Objects.requireNonNull(type, "type");
        because = List.copyOf(because);
    }

    /** The basis, where the rule gave one. */
    public Optional<String> basisIfAny() {
        return Optional.ofNullable(basis);
    }

    /** The strength, where the rule gave one. */
    public Optional<Double> strengthIfAny() {
        return Optional.ofNullable(strength);
    }

    /** The names of the rules that conclude this. */
    public List<String> rules() {
        return because.stream().map(Explanation::rule).distinct().toList();
    }
}
