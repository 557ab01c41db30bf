package org.threshold.impl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.compiler.compiler.DescrBuildError;
import org.drools.compiler.compiler.RuleBuildError;
import org.drools.drl.parser.ParserError;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.InvalidRulesException;
import org.threshold.RulePack;
import org.threshold.RuleSource;
import org.threshold.ThresholdException;

/**
 * Builds a knowledge base from rule packs: from their precompiled executable model where every
 * pack has one, else by compiling all their DRL together with the classic compiler (which reports
 * every error with its line).
 */
final class KnowledgeBases {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBases.class);
    private static final Pattern BAD_IMPORT = Pattern.compile("^Error importing : '([^']+)'");
    private static final Pattern LINE_COLUMN = Pattern.compile("\\[(\\d+):(\\d+)\\]|line (\\d+):(\\d+)");

    private KnowledgeBases() {
    }

    static boolean allPrecompiled(List<RulePack> packs) {
        return packs.stream().allMatch(p -> p.executableModelIndex().isPresent());
    }

    static KieBase fromExecutableModels(List<RulePack> packs) {
        List<Model> models = new ArrayList<>();
        for (RulePack pack : packs) {
            String index = pack.executableModelIndex().orElseThrow();
            ClassLoader loader = pack.classLoader();
            try (InputStream in = loader.getResourceAsStream(index)) {
                if (in == null) {
                    throw new ThresholdException("rule pack '" + pack.name() + "' names the executable model index "
                            + index + ", which is not on the class path. Maybe rebuild the pack with kie-maven-plugin.");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = reader.readLine()) != null; ) {
                    line = line.trim();
                    if (line.isEmpty() || line.startsWith("Drools-Model-Version")) {
                        continue;
                    }
                    models.add((Model) Class.forName(line, true, loader).getDeclaredConstructor().newInstance());
                }
            } catch (IOException | ReflectiveOperationException | ClassCastException e) {
                throw new ThresholdException("cannot load the executable model of rule pack '" + pack.name() + "' ("
                        + e + "). Maybe rebuild the pack with kie-maven-plugin.", e);
            }
        }
        LOG.debug("loading {} precompiled rule models", models.size());
        return KieBaseBuilder.createKieBaseFromModel(models);
    }

    /**
     * @param shownNames filled with the engine's internal name of each source and the name to show
     */
    static KieBase fromDrl(List<RulePack> packs, Map<String, String> shownNames) {
        ClassLoader loader = packs.get(packs.size() - 1).classLoader();
        KnowledgeBuilderConfiguration conf = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, loader);
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(conf);
        Map<String, String> texts = new LinkedHashMap<>();
        // one batch, so that a type declared in one file may be used in another whatever their order
        CompositeKnowledgeBuilder batch = builder.batch();
        int n = 0;
        for (RulePack pack : packs) {
            for (RuleSource source : pack.sources()) {
                String internal = "src/main/resources/threshold/source" + (n++) + ".drl";
                shownNames.put(internal, source.name());
                texts.put(source.name(), source.drl());
                Resource resource = ResourceFactory.newByteArrayResource(source.drl().getBytes(StandardCharsets.UTF_8));
                resource.setSourcePath(internal);
                resource.setResourceType(ResourceType.DRL);
                batch.add(resource, ResourceType.DRL);
            }
        }
        batch.build();
        if (builder.hasErrors()) {
            List<InvalidRulesException.Problem> problems = new ArrayList<>();
            List<String> badImports = new ArrayList<>();
            for (KnowledgeBuilderError error : builder.getErrors()) {
                InvalidRulesException.Problem p = problem(error, shownNames);
                Matcher imported = BAD_IMPORT.matcher(p.message());
                if (imported.find()) {
                    badImports.add(imported.group(1));
                    p = atImport(p, imported.group(1), texts.get(p.file()));
                }
                problems.add(p);
            }
            // an import that fails also fails every rule's action of its file, which says nothing more
            problems.removeIf(p -> badImports.stream().anyMatch(i -> p.message().contains(
                    "Only a type can be imported. " + i + " resolves to a package")));
            // the parser adds this after its real errors in a file; it says nothing more
            List<String> filesWithLines = problems.stream().filter(p -> p.line() > 0).map(InvalidRulesException.Problem::file).toList();
            problems.removeIf(p -> p.line() == 0 && p.message().equals("Parser returned a null Package")
                    && filesWithLines.contains(p.file()));
            throw new InvalidRulesException(problems);
        }
        LOG.debug("compiled {} DRL sources", n);
        KieBase kieBase = builder.newKieBase();
        checkDeclaredTypes(kieBase, texts);
        return kieBase;
    }

    /** The problem of a failed import, placed at its import line where the file has one. */
    private static InvalidRulesException.Problem atImport(InvalidRulesException.Problem p, String imported, String text) {
        if (text == null) {
            return p;
        }
        Matcher m = Pattern.compile("^([ \\t]*)import\\s+(?:function\\s+|static\\s+)?" + Pattern.quote(imported) + "\\b",
                Pattern.MULTILINE).matcher(text);
        if (!m.find()) {
            return p;
        }
        int line = RuleLocator.lineOf(text, m.start());
        return new InvalidRulesException.Problem(p.file(), line, m.group(1).length() + 1,
                "cannot import '" + imported + "': no such class on the class path. Maybe check its spelling and package, "
                        + "or put the jar that holds it on the class path.");
    }

    /**
     * Refuses a type declared in DRL under the simple name of a fact type of the model: rules of
     * its package would match the new type instead of the model's, and silently never fire.
     */
    private static void checkDeclaredTypes(KieBase kieBase, Map<String, String> texts) {
        List<InvalidRulesException.Problem> problems = new ArrayList<>();
        for (org.kie.api.definition.KiePackage p : kieBase.getKiePackages()) {
            for (org.kie.api.definition.type.FactType t : p.getFactTypes()) {
                String simple = t.getSimpleName();
                String model = MODEL_TYPES.get(simple);
                if (model == null || model.equals(t.getName())) {
                    continue;
                }
                String file = "rules";
                int line = 0;
                int column = 0;
                Pattern declare = Pattern.compile("^([ \\t]*)declare\\s+" + Pattern.quote(simple) + "\\b", Pattern.MULTILINE);
                for (Map.Entry<String, String> e : texts.entrySet()) {
                    Matcher m = declare.matcher(e.getValue());
                    if (m.find() && e.getValue().matches("(?s).*\\bpackage\\s+" + Pattern.quote(p.getName()) + "\\s*;?.*")) {
                        file = e.getKey();
                        line = RuleLocator.lineOf(e.getValue(), m.start());
                        column = m.group(1).length() + 1;
                        break;
                    }
                }
                problems.add(new InvalidRulesException.Problem(file, line, column, "the declared type '" + t.getName()
                        + "' has the name of the model's " + model + ", which rules of package " + p.getName()
                        + " would no longer see. Maybe give your type another name, like 'My" + simple + "'."));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRulesException(problems);
        }
    }

    /** The simple names of the model's fact types, with their full names. */
    private static final Map<String, String> MODEL_TYPES = modelTypes();

    private static Map<String, String> modelTypes() {
        Map<String, String> types = new LinkedHashMap<>();
        for (Class<?> c : List.of(org.threshold.Calibration.class, org.threshold.fact.AsOf.class,
                org.threshold.fact.Capacity.class, org.threshold.fact.Conclusion.class, org.threshold.fact.Event.class,
                org.threshold.fact.Faction.class, org.threshold.fact.HumanCost.class, org.threshold.fact.Metric.class,
                org.threshold.fact.ObserverSignal.class, org.threshold.fact.Party.class, org.threshold.fact.Posture.class,
                org.threshold.fact.PostureVerdict.class, org.threshold.fact.Pressure.class,
                org.threshold.fact.PressureKind.class, org.threshold.fact.Reason.class,
                org.threshold.fact.Retaliation.class, org.threshold.fact.ReturnTicket.class,
                org.threshold.fact.RiskLevel.class, org.threshold.fact.RiskVerdict.class,
                org.threshold.fact.Scores.class, org.threshold.fact.Signal.class, org.threshold.fact.StableSum.class,
                org.threshold.fact.Stance.class, org.threshold.fact.Strain.class, org.threshold.fact.Strike.class,
                org.threshold.fact.Target.class, org.threshold.fact.Threat.class,
                org.threshold.fact.ThresholdCrossing.class)) {
            types.put(c.getSimpleName(), c.getName());
        }
        return types;
    }

    /**
     * One compile error as the user should read it: their file (not the engine's internal path),
     * the line and the column (1-based; 0 where the compiler gave none), and the compiler's message
     * on one line.
     *
     * <p>Implementation notes: the parser counts columns from 0, and so do the descriptors that
     * the rule builder's errors point at; both are shifted to count from 1. An error in a rule's
     * action points at the rule's first line, which is all the compiler tells.
     */
    static InvalidRulesException.Problem problem(KnowledgeBuilderError error, Map<String, String> shownNames) {
        String file = "rules";
        if (error.getResource() != null && error.getResource().getSourcePath() != null) {
            String path = error.getResource().getSourcePath();
            file = shownNames.getOrDefault(path, path);
        }
        int line = 0;
        int column = 0;
        if (error instanceof ParserError pe) {
            line = pe.getRow();
            column = line > 0 ? pe.getCol() + 1 : 0;
        } else {
            if (error.getLines() != null && error.getLines().length > 0) {
                line = error.getLines()[0];
            }
            if (error instanceof DescrBuildError de && de.getColumn() >= 0 && line > 0) {
                column = de.getColumn() + 1;
            }
        }
        String message = oneLine(error.getMessage() == null ? error.toString() : error.getMessage());
        if (column <= 0) {
            Matcher m = LINE_COLUMN.matcher(message);
            if (m.find()) {
                int l = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(3));
                int c = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(4));
                if (line <= 0) {
                    line = l;
                }
                column = c + 1;
            }
        }
        if (error instanceof RuleBuildError rb && rb.getRule() != null) {
            message = "in the action of rule '" + rb.getRule().getName() + "': " + message;
        }
        for (Map.Entry<String, String> e : shownNames.entrySet()) {
            message = message.replace(e.getKey(), e.getValue());
        }
        return new InvalidRulesException.Problem(file, Math.max(line, 0), Math.max(column, 0), message);
    }

    /** The message on one line, without the caret lines MVEL adds and the trailing colon before them. */
    private static String oneLine(String message) {
        StringBuilder sb = new StringBuilder();
        for (String part : message.split("\\R")) {
            String p = part.strip();
            if (p.isEmpty() || p.matches("\\^+")) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(p);
        }
        String text = sb.toString();
        return text.endsWith(":") ? text.substring(0, text.length() - 1) : text;
    }
}
