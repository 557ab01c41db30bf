package org.threshold;

import java.util.Objects;

/**
 * One DRL file of a rule pack.
 *
 * @param name where it comes from, as a user would recognise it (a file path or a classpath
 *     resource); compile errors name it
 * @param drl the rules' text
 */
public record RuleSource(String name, String drl) {
    public RuleSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(drl, "drl");
    }
}
