package org.threshold.impl;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.threshold.RulePack;
import org.threshold.RuleSource;

/**
 * Finds, for messages, which rule a failure belongs to and where it is written: from the stack of
 * a thread (rules compiled from DRL run as classes named after them), from the engine's own words,
 * or from the text of a condition. Used on failure paths only, so it is built lazily.
 */
final class RuleLocator {

    private static final Pattern RULE_IN_MESSAGE = Pattern.compile("Rule \"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern NEAR = Pattern.compile("\\[Near : \\{\\.\\.\\. (.*?) \\.\\.\\.\\.\\}\\]", Pattern.DOTALL);
    private static final Pattern RULE_DECLARATION = Pattern.compile(
            "^\\s*rule\\s+(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'((?:[^'\\\\]|\\\\.)*)'|([^\\s\"']+))", Pattern.MULTILINE);
    private static final Method NORMALIZE = normalizer();

    private final List<RulePack> packs;
    private final Map<String, String> internalNames;
    /** Generated class name prefix ({@code pkg.Rule_name}) to the rule's name. */
    private final Map<String, String> byClassPrefix = new LinkedHashMap<>();

    RuleLocator(List<RulePack> packs, KieBase kieBase, Map<String, String> internalNames) {
        this.packs = packs;
        this.internalNames = internalNames;
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                byClassPrefix.put(p.getName() + ".Rule_" + normalize(r.getName()), r.getName());
            }
        }
    }

    private static Method normalizer() {
        try {
            Method m = Class.forName("org.drools.compiler.rule.builder.dialect.DialectUtil")
                    .getDeclaredMethod("normalizeRuleName", String.class);
            m.setAccessible(true);
            return m;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The rule name as the DRL compiler spells it in the names of the classes it generates. */
    static String normalize(String rule) {
        if (NORMALIZE != null) {
            try {
                return (String) NORMALIZE.invoke(null, rule);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // spelled below
            }
        }
        StringBuilder sb = new StringBuilder();
        for (char c : rule.replace(' ', '_').toCharArray()) {
            if (Character.isJavaIdentifierPart(c)) {
                sb.append(c);
            } else {
                sb.append("$u").append((int) c).append('$');
            }
        }
        return sb.toString();
    }

    /** The rule whose generated code is nearest the top of {@code stack}; null where none is. */
    String ruleInStack(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String rule = ruleOfClass(frame.getClassName());
            if (rule != null) {
                return rule;
            }
        }
        return null;
    }

    private String ruleOfClass(String className) {
        int at = className.indexOf(".Rule_");
        if (at < 0 && !className.startsWith("Rule_")) {
            return null;
        }
        String best = null;
        int bestLength = -1;
        for (Map.Entry<String, String> e : byClassPrefix.entrySet()) {
            String prefix = e.getKey().startsWith(".") ? e.getKey().substring(1) : e.getKey();
            if (className.startsWith(prefix) && className.length() > prefix.length()
                    && Character.isDigit(className.charAt(prefix.length())) && prefix.length() > bestLength) {
                best = e.getValue();
                bestLength = prefix.length();
            }
        }
        return best;
    }

    /**
     * The rule a failure while matching belongs to, from the engine's words, the stack traces of
     * the failure and its causes, or the text of the condition that failed; null where none tells.
     */
    String ruleOfFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Matcher m = RULE_IN_MESSAGE.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return m.group(1);
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String rule = ruleInStack(t.getStackTrace());
            if (rule == null && t.getMessage() != null) {
                String first = t.getMessage().split("[@\\s]", 2)[0];
                rule = ruleOfClass(first);
            }
            if (rule != null) {
                return rule;
            }
        }
        String condition = condition(failure);
        return condition == null ? null : ruleAround(condition);
    }

    /** The text of the condition the engine was evaluating, where it says. */
    static String condition(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            Matcher near = NEAR.matcher(message);
            if (near.find()) {
                return near.group(1).strip();
            }
            Matcher constraint = Pattern.compile("Error evaluating constraint '(.*?)' in \\[").matcher(message);
            if (constraint.find()) {
                return constraint.group(1).strip();
            }
        }
        return null;
    }

    /** The rule in whose text {@code condition} is written, searching the packs' sources; null where none is. */
    private String ruleAround(String condition) {
        for (RulePack pack : packs) {
            for (RuleSource source : pack.sources()) {
                for (int at = source.drl().indexOf(condition); at >= 0; at = source.drl().indexOf(condition, at + 1)) {
                    String rule = null;
                    Matcher m = RULE_DECLARATION.matcher(source.drl());
                    while (m.find() && m.start() < at) {
                        rule = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                    }
                    if (rule != null) {
                        return rule;
                    }
                }
            }
        }
        return null;
    }

    /** Where {@code rule} is written: {@code file:line}; null where no source declares it. */
    String where(String rule) {
        for (RulePack pack : packs) {
            for (RuleSource source : pack.sources()) {
                Matcher m = RULE_DECLARATION.matcher(source.drl());
                while (m.find()) {
                    String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                    if (rule.equals(name)) {
                        return source.name() + ":" + lineOf(source.drl(), m.start(1) >= 0 ? m.start(1)
                                : m.start(2) >= 0 ? m.start(2) : m.start(3));
                    }
                }
            }
        }
        return null;
    }

    /** {@code rule 'NAME' (file:line)}, or {@code rule 'NAME'} where its place is not known. */
    String describe(String rule) {
        String where = where(rule);
        return "rule '" + rule + "'" + (where == null ? "" : " (" + where + ")");
    }

    /** The text with the engine's internal file names replaced by the user's. */
    String shown(String text) {
        String out = text;
        for (Map.Entry<String, String> e : internalNames.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

}
