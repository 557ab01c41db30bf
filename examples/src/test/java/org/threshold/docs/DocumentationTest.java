package org.threshold.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.node.Code;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * README.md and docs/*.md as any CommonMark renderer reads them: every fenced block closes, and
 * every relative link (and picture) resolves to a file or folder of the repository, headings
 * included, without leaving it.
 */
class DocumentationTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Parser PARSER = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

    static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    @TestFactory
    Stream<DynamicTest> everyFencedBlockCloses() throws IOException {
        return documents().stream().map(doc -> DynamicTest.dynamicTest(ROOT.relativize(doc).toString(), () -> {
            Node root = PARSER.parse(Files.readString(doc, StandardCharsets.UTF_8));
            List<String> open = new ArrayList<>();
            root.accept(new AbstractVisitor() {
                @Override
                public void visit(FencedCodeBlock block) {
                    if (block.getClosingFenceLength() == null) {
                        open.add("the block opened on line " + line(block) + " never closes");
                    }
                }
            });
            assertThat(open).as("fenced blocks of %s", doc).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyRelativeLinkResolvesInsideTheRepository() throws IOException {
        return documents().stream().map(doc -> DynamicTest.dynamicTest(ROOT.relativize(doc).toString(), () -> {
            List<String> broken = new ArrayList<>();
            for (String destination : destinations(doc)) {
                String problem = problem(doc, destination);
                if (problem != null) {
                    broken.add(destination + ": " + problem);
                }
            }
            assertThat(broken).as("links of %s", doc).isEmpty();
        }));
    }

    @Test
    void theReadmeLinksTheModelAndTheContracts() throws IOException {
        List<String> links = destinations(ROOT.resolve("README.md"));
        assertThat(links).contains("docs/model.md", "docs/contracts.md").noneMatch(l -> l.contains("shared/"));
    }

    @Test
    void aClosingFenceFollowedByTextIsCaught() {
        Node root = PARSER.parse("```xml\n<a/>\n``` text after the fence\n\n## Changelog\n");
        List<Integer> unclosed = new ArrayList<>();
        root.accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                if (block.getClosingFenceLength() == null) {
                    unclosed.add(line(block));
                }
            }
        });
        assertThat(unclosed).containsExactly(1);
    }

    @Test
    void aLinkOutOfTheRepositoryIsCaught() {
        assertThat(problem(ROOT.resolve("README.md"), "../shared/MODEL.md")).contains("outside the repository");
        assertThat(problem(ROOT.resolve("docs/contracts.md"), "../README.md#no-such-heading")).contains("no heading");
        assertThat(problem(ROOT.resolve("docs/contracts.md"), "../README.md#scenario-files")).isNull();
    }

    private static int line(Node block) {
        List<SourceSpan> spans = block.getSourceSpans();
        return spans.isEmpty() ? -1 : spans.get(0).getLineIndex() + 1;
    }

    /** Every link and picture destination of a document. */
    static List<String> destinations(Path doc) throws IOException {
        Node root = PARSER.parse(Files.readString(doc, StandardCharsets.UTF_8));
        List<String> found = new ArrayList<>();
        root.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                found.add(link.getDestination());
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                found.add(image.getDestination());
                visitChildren(image);
            }
        });
        return found;
    }

    /** What is wrong with a link from {@code doc}, or null where it resolves. */
    static String problem(Path doc, String destination) {
        URI uri;
        try {
            uri = URI.create(destination.replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            return "not a valid link";
        }
        if (uri.getScheme() != null) {
            return uri.getScheme().equals("http") || uri.getScheme().equals("https") || uri.getScheme().equals("mailto")
                    ? null : "a " + uri.getScheme() + ": link points at no public page";
        }
        String path = uri.getRawPath() == null ? "" : URLDecoder.decode(uri.getRawPath(), StandardCharsets.UTF_8);
        Path target = path.isEmpty() ? doc : doc.getParent().resolve(path).normalize();
        if (!target.startsWith(ROOT)) {
            return "points outside the repository (" + target + ")";
        }
        if (!Files.exists(target)) {
            return "no such file or folder " + ROOT.relativize(target);
        }
        String fragment = uri.getFragment();
        if (fragment != null && target.toString().endsWith(".md")) {
            try {
                if (!anchors(target).contains(fragment)) {
                    return "no heading #" + fragment + " in " + ROOT.relativize(target);
                }
            } catch (IOException e) {
                return "cannot read " + target;
            }
        }
        return null;
    }

    /** The anchors a renderer such as GitHub's gives the headings of a document. */
    static Set<String> anchors(Path doc) throws IOException {
        Node root = PARSER.parse(Files.readString(doc, StandardCharsets.UTF_8));
        Set<String> anchors = new LinkedHashSet<>();
        root.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                StringBuilder text = new StringBuilder();
                heading.accept(new AbstractVisitor() {
                    @Override
                    public void visit(Text t) {
                        text.append(t.getLiteral());
                    }

                    @Override
                    public void visit(Code c) {
                        text.append(c.getLiteral());
                    }
                });
                String slug = text.toString().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
                String unique = slug;
                for (int i = 1; anchors.contains(unique); i++) {
                    unique = slug + "-" + i;
                }
                anchors.add(unique);
            }
        });
        return anchors;
    }
}
