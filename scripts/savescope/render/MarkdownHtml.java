package savescope.render;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown to HTML with raw HTML escaped and unsafe links dropped, and section anchors for the table of
 * contents: every level-2 heading gets a stable, unique id.
 */
public final class MarkdownHtml {
    private static final Parser PARSER = Parser.builder().build();

    /** A heading that starts a section, for the table of contents. */
    public record Heading2(String id, String text) {}

    private final Set<String> usedIds = new HashSet<>();
    private final List<Heading2> headings = new ArrayList<>();

    /** Renders one cell's markdown; its level-2 headings are added to {@link #headings()}. */
    public String render(String markdown) {
        Node doc = PARSER.parse(markdown);
        List<Heading2> found = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                if (heading.getLevel() == 2) {
                    String text = textOf(heading);
                    found.add(new Heading2(uniqueId(slug(text)), text));
                }
                visitChildren(heading);
            }
        });
        int[] next = {0};
        HtmlRenderer renderer = HtmlRenderer.builder()
                .escapeHtml(true)
                .sanitizeUrls(true)
                .attributeProviderFactory(ctx -> (node, tag, attrs) -> {
                    if (node instanceof Heading h && h.getLevel() == 2 && next[0] < found.size()) {
                        attrs.put("id", found.get(next[0]++).id());
                    }
                })
                .build();
        headings.addAll(found);
        return renderer.render(doc);
    }

    public List<Heading2> headings() {
        return List.copyOf(headings);
    }

    private String uniqueId(String base) {
        String id = base.isEmpty() ? "section" : base;
        int n = 2;
        while (!usedIds.add(id)) {
            id = base + "-" + n++;
        }
        return id;
    }

    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static String textOf(Node node) {
        StringBuilder b = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                b.append(text.getLiteral());
            }
        });
        return b.toString();
    }
}
