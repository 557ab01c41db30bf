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
 * @param sources the citations ({@code dataset:id}, see {@link org.threshold.fact.Source#citation()})
 *     of the events with a source that the conclusion rests on, in the order of the events' days;
 *     empty where none has a source
 */
public record Finding(String type, String basis, Double strength, List<Explanation> because, List<String> sources) {

    public Finding {
        Objects.requireNonNull(type, "type");
        because = List.copyOf(because);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** A finding that cites no sources. */
    public Finding(String type, String basis, Double strength, List<Explanation> because) {
        this(type, basis, strength, because, List.of());
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
