package org.threshold.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.threshold.CalibrationKey;
import org.threshold.scenario.ScenarioReader;

/**
 * The core knows nothing of the essay: no calibration key, metric name or conclusion name of the
 * default pack appears anywhere in {@code core/src/main} (code, comments or resources), so that the
 * default pack plugs in as a user's pack does. The names are read from the pack itself, so the
 * check follows the pack as it grows.
 *
 * <p>Two metric names, {@code returnTicket} and {@code strain}, are also fields of the scenario
 * file (the adversary's return ticket and strain, inputs of the domain); they are the only names
 * of the pack the core may spell, and only because the file format does.
 */
class CoreKnowsNoEssayTest {

    private static final Path CORE_MAIN = Path.of("..", "core", "src", "main");

    @Test
    void noKeyMetricOrConclusionOfTheEssayAppearsInTheCoresSources() throws IOException {
        assertThat(CORE_MAIN.resolve("java/org/threshold/Calibration.java")).as("the core's sources, from the rules module")
                .exists();
        List<String> found = new ArrayList<>();
        for (Path file : sources()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            for (Pattern p : essayNames()) {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    int line = 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
                    found.add(CORE_MAIN.relativize(file) + ":" + line + ": " + m.group());
                }
            }
        }

        assertThat(found).as("names of the essay in core/src/main").isEmpty();
    }

    @Test
    void theScanFindsANameOfTheEssayWhereOneIsWritten() {
        for (String planted : List.of("double w = c.get(\"risk.high\");", "// holds BOUNDED_ADVERSARY",
                "a.metrics().get(\"escalationRisk\")")) {
            assertThat(essayNames()).as(planted).filteredOn(p -> p.matcher(planted).find()).hasSize(1);
        }
        assertThat(essayNames()).noneMatch(p -> p.matcher("adversary.returnTicket.finance; Strain strain; "
                + "OBSERVER_CAPITAL_STRIKE; maritime.windowDays").find());
    }

    /** A pattern for each key, metric and conclusion of the pack, matching it as a whole name. */
    private static List<Pattern> essayNames() {
        Set<String> fileFields = new HashSet<>();
        ScenarioReader.keys().forEach((place, keys) -> {
            if (!place.equals("calibration")) {
                fileFields.addAll(keys);
            }
        });
        List<Pattern> patterns = new ArrayList<>();
        for (CalibrationKey k : new EssayRulePack().calibration()) {
            patterns.add(Pattern.compile("(?<![\\w.])" + Pattern.quote(k.name()) + "(?![\\w])"));
        }
        for (String metric : EssayModel.METRICS) {
            if (!fileFields.contains(metric)) {
                patterns.add(Pattern.compile("(?<![\\w])" + Pattern.quote(metric) + "(?![\\w])"));
            }
        }
        for (String conclusion : EssayModel.CONCLUSIONS) {
            patterns.add(Pattern.compile("(?<![\\w])" + Pattern.quote(conclusion) + "(?![\\w])"));
        }
        return patterns;
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> walk = Files.walk(CORE_MAIN)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
