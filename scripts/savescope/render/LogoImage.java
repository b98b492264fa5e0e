package savescope.render;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A logo for a white-label report, inlined as a data URI: a PNG as it is, an SVG with everything active or
 * external taken out (scripts, event handlers, foreignObject, links and references outside the image).
 */
public final class LogoImage {
    /** A logo is a small image; anything larger is a mistake (a photo, say) that would swell every report. */
    public static final int MAX_BYTES = 256 * 1024;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final String XLINK_NS = "http://www.w3.org/1999/xlink";
    /** Drawing elements only; anything else (script, foreignObject, animation, iframe, image) is dropped. */
    private static final Set<String> ELEMENTS = Set.of("svg", "g", "defs", "symbol", "use", "path", "rect", "circle",
            "ellipse", "line", "polyline", "polygon", "text", "tspan", "title", "desc", "linearGradient",
            "radialGradient", "stop", "clipPath", "mask", "pattern", "style");
    /** {@code url(...)} that points anywhere but at an element of the same image. */
    private static final Pattern OUTSIDE_URL = Pattern.compile("url\\(\\s*['\"]?\\s*(?!#)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTIVE = Pattern.compile("javascript:|@import|expression\\(", Pattern.CASE_INSENSITIVE);

    /**
     * The logo as a data URI, with what was removed from an SVG in words (empty when nothing was).
     *
     * @param dataUri {@code data:image/png;base64,...} or {@code data:image/svg+xml;base64,...}
     * @param removed e.g. {@code ["1 script", "2 event handlers"]}
     */
    public record Inlined(String dataUri, List<String> removed) {}

    private LogoImage() {}

    /**
     * @param name the file's name, whose extension says PNG or SVG
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public static Inlined inline(byte[] bytes, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException(name + ": the logo is " + (bytes.length / 1024) + " KB; expected at most "
                    + (MAX_BYTES / 1024) + " KB (a logo, not a photo). Export it smaller or as SVG.");
        }
        if (lower.endsWith(".png")) {
            if (bytes.length < PNG_SIGNATURE.length || !java.util.Arrays.equals(bytes, 0, PNG_SIGNATURE.length,
                    PNG_SIGNATURE, 0, PNG_SIGNATURE.length)) {
                throw new IllegalArgumentException(name + ": not a PNG image (its first bytes are no PNG signature); "
                        + "expected a PNG or SVG logo.");
            }
            return new Inlined("data:image/png;base64," + Base64.getEncoder().encodeToString(bytes), List.of());
        }
        if (lower.endsWith(".svg")) {
            TreeMap<String, Integer> removed = new TreeMap<>();
            String svg = sanitise(bytes, name, removed);
            List<String> said = new ArrayList<>();
            removed.forEach((what, n) -> said.add(n + " " + what + (n == 1 ? "" : "s")));
            return new Inlined("data:image/svg+xml;base64,"
                    + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)), said);
        }
        throw new IllegalArgumentException(name + ": expected a PNG or SVG logo (.png or .svg).");
    }

    private static String sanitise(byte[] bytes, String name, TreeMap<String, Integer> removed) {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // No DOCTYPE means no entities, so nothing outside the file can be pulled in or expanded.
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            doc = b.parse(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw new IllegalArgumentException(name + ": not a readable SVG (" + firstLine(e.getMessage())
                    + "); expected a PNG or SVG logo without a DOCTYPE.");
        }
        Element root = doc.getDocumentElement();
        if (!"svg".equals(root.getLocalName()) || !SVG_NS.equals(root.getNamespaceURI())) {
            throw new IllegalArgumentException(name + ": expected an SVG image (an <svg> element in the SVG "
                    + "namespace), found <" + root.getTagName() + ">.");
        }
        clean(root, removed);
        try {
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(root), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("could not write the cleaned logo: " + e.getMessage(), e);
        }
    }

    private static void clean(Element e, TreeMap<String, Integer> removed) {
        NamedNodeMap attrs = e.getAttributes();
        for (int i = attrs.getLength() - 1; i >= 0; i--) {
            Attr a = (Attr) attrs.item(i);
            String local = a.getLocalName() != null ? a.getLocalName() : a.getName();
            String value = a.getValue();
            String why = null;
            if (local.toLowerCase(Locale.ROOT).startsWith("on")) {
                why = "event handler";
            } else if ("href".equals(local) && (XLINK_NS.equals(a.getNamespaceURI()) || a.getNamespaceURI() == null)
                    && !value.strip().startsWith("#")) {
                why = "external reference";
            } else if (OUTSIDE_URL.matcher(value).find() || ACTIVE.matcher(value).find()) {
                why = "external reference";
            }
            if (why != null) {
                e.removeAttributeNode(a);
                removed.merge(why, 1, Integer::sum);
            }
        }
        List<Node> children = new ArrayList<>();
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            children.add(c);
        }
        for (Node c : children) {
            if (c instanceof Element child) {
                String what = dropped(child);
                if (what != null) {
                    e.removeChild(child);
                    removed.merge(what, 1, Integer::sum);
                } else {
                    clean(child, removed);
                }
            } else if (c.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
                e.removeChild(c);
                removed.merge("processing instruction", 1, Integer::sum);
            } else if (c.getNodeType() == Node.TEXT_NODE && "style".equals(e.getLocalName())
                    && (OUTSIDE_URL.matcher(c.getNodeValue()).find() || ACTIVE.matcher(c.getNodeValue()).find())) {
                e.removeChild(c);
                removed.merge("external reference", 1, Integer::sum);
            }
        }
    }

    /** Why {@code child} must go (e.g. "<script> element"), or null when it may stay. */
    private static String dropped(Element child) {
        if (!SVG_NS.equals(child.getNamespaceURI())) {
            return "element outside SVG";
        }
        return ELEMENTS.contains(child.getLocalName()) ? null : "<" + child.getLocalName() + "> element";
    }

    private static String firstLine(String s) {
        return s == null ? "unreadable" : s.lines().findFirst().orElse("").strip();
    }
}
