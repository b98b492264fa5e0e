package savescope.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.MultipleGradientPaint;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Paints the SVG that SaveScope's charts are made of (the chart writer's shapes, groups, clips, gradients and
 * pictures, and the plain text of hand-drawn charts) onto a bitmap with Java2D, for front ends that show a PNG
 * rather than an SVG. Anything outside that vocabulary gives no picture rather than a wrong one. A CSS variable
 * takes its colour from the palette given, else from its fallback ({@code var(--x, #hex)}).
 */
public final class SvgRaster {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");
    private static final Pattern TRANSFORM = Pattern.compile("(\\w+)\\s*\\(([^)]*)\\)");
    private static final Map<String, Color> NAMED = Map.of("black", Color.BLACK, "white", Color.WHITE,
            "red", Color.RED, "green", new Color(0x008000), "blue", Color.BLUE, "gray", new Color(0x808080),
            "grey", new Color(0x808080));

    /** The parts of the drawing state that SVG passes from a group to its children. */
    private record Inherited(String fill, String stroke, float strokeWidth, String fontFamily, float fontSize,
            String textAnchor, float fillOpacity, float strokeOpacity) {}

    private final Map<String, Element> ids = new HashMap<>();
    private final Map<String, String> palette;

    private SvgRaster(Map<String, String> palette) {
        this.palette = palette;
    }

    /**
     * The SVG as PNG bytes at {@code scale} times its viewBox size, on white; empty when it uses SVG this class
     * does not paint.
     *
     * @param palette CSS variable ({@code --oi-blue}) → colour ({@code #0072b2}), for SVG written for a page
     */
    public static Optional<byte[]> png(String svg, double scale, Map<String, String> palette) {
        Optional<BufferedImage> image = image(svg, scale, palette);
        if (image.isEmpty()) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image.get(), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(out.toByteArray());
    }

    /**
     * The SVG painted at {@code scale} times its viewBox size, on white; empty for SVG outside the vocabulary.
     *
     * @param palette CSS variable ({@code --oi-blue}) → colour ({@code #0072b2}), for SVG written for a page
     */
    public static Optional<BufferedImage> image(String svg, double scale, Map<String, String> palette) {
        Element root;
        try {
            root = parse(svg);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        double[] box = numbers(root.getAttribute("viewBox"));
        if (!root.getTagName().equals("svg") || box.length != 4 || box[2] <= 0 || box[3] <= 0) {
            return Optional.empty();
        }
        int width = (int) Math.ceil(box[2] * scale);
        int height = (int) Math.ceil(box[3] * scale);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.scale(scale, scale);
            g.translate(-box[0], -box[1]);
            SvgRaster raster = new SvgRaster(palette);
            raster.collectIds(root);
            raster.children(g, root, new Inherited("#000000", "none", 1f, "sans-serif", 16f, "start", 1f, 1f));
        } catch (Unsupported e) {
            return Optional.empty();
        } finally {
            g.dispose();
        }
        return Optional.of(image);
    }

    /** SVG outside what this class paints. */
    private static final class Unsupported extends RuntimeException {
        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    private static Element parse(String svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            // Charts have no doctype; refusing one keeps entity tricks out of a parser that reads what a cell made.
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            // Not namespace-aware: the page's inline SVG uses xlink:href without declaring the prefix.
            f.setNamespaceAware(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("not well-formed SVG: " + e.getMessage(), e);
        }
    }

    private void collectIds(Element e) {
        if (!e.getAttribute("id").isEmpty()) {
            ids.put(e.getAttribute("id"), e);
        }
        for (Element child : elements(e)) {
            collectIds(child);
        }
    }

    private static List<Element> elements(Element e) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = e.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element child) {
                out.add(child);
            }
        }
        return out;
    }

    private void children(Graphics2D g, Element parent, Inherited inherited) {
        for (Element child : elements(parent)) {
            draw(g, child, inherited);
        }
    }

    private void draw(Graphics2D g, Element e, Inherited parent) {
        String tag = e.getTagName();
        if (tag.equals("title") || tag.equals("desc") || tag.equals("defs") || tag.equals("metadata")) {
            return;
        }
        Map<String, String> style = style(e);
        Inherited here = inherit(parent, style);
        Graphics2D local = (Graphics2D) g.create();
        try {
            String transform = e.getAttribute("transform");
            if (!transform.isEmpty()) {
                local.transform(transform(transform));
            }
            String clip = e.getAttribute("clip-path");
            if (!clip.isEmpty()) {
                local.clip(clipShape(clip));
            }
            switch (tag) {
                case "g", "svg" -> children(local, e, here);
                case "text" -> text(local, e, here);
                case "image" -> image(local, e);
                default -> paint(local, shape(e), here, style);
            }
        } finally {
            local.dispose();
        }
    }

    /** Presentation attributes, then the style attribute, which wins. */
    private static Map<String, String> style(Element e) {
        Map<String, String> m = new HashMap<>();
        for (String name : List.of("fill", "stroke", "stroke-width", "fill-opacity", "stroke-opacity", "opacity",
                "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset",
                "font-family", "font-size", "text-anchor", "font-weight")) {
            if (e.hasAttribute(name)) {
                m.put(name, e.getAttribute(name).strip());
            }
        }
        for (String declaration : e.getAttribute("style").split(";")) {
            int colon = declaration.indexOf(':');
            if (colon > 0) {
                m.put(declaration.substring(0, colon).strip(), declaration.substring(colon + 1).strip());
            }
        }
        if (m.containsKey("opacity")) {
            throw new Unsupported("group opacity");
        }
        return m;
    }

    private static Inherited inherit(Inherited p, Map<String, String> s) {
        return new Inherited(s.getOrDefault("fill", p.fill()), s.getOrDefault("stroke", p.stroke()),
                s.containsKey("stroke-width") ? length(s.get("stroke-width")) : p.strokeWidth(),
                s.getOrDefault("font-family", p.fontFamily()),
                s.containsKey("font-size") ? length(s.get("font-size")) : p.fontSize(),
                s.getOrDefault("text-anchor", p.textAnchor()),
                s.containsKey("fill-opacity") ? length(s.get("fill-opacity")) : p.fillOpacity(),
                s.containsKey("stroke-opacity") ? length(s.get("stroke-opacity")) : p.strokeOpacity());
    }

    private void paint(Graphics2D g, Shape shape, Inherited st, Map<String, String> own) {
        Paint fill = paintOf(st.fill(), st.fillOpacity());
        if (fill != null && !(shape instanceof Line2D)) {
            g.setPaint(fill);
            g.fill(shape);
        }
        Paint stroke = paintOf(st.stroke(), st.strokeOpacity());
        if (stroke != null) {
            g.setPaint(stroke);
            g.setStroke(stroke(own, st.strokeWidth()));
            g.draw(shape);
        }
    }

    private static Shape shape(Element e) {
        return switch (e.getTagName()) {
            case "path" -> path(e.getAttribute("d"));
            case "rect" -> rect(e);
            case "line" -> new Line2D.Double(num(e, "x1"), num(e, "y1"), num(e, "x2"), num(e, "y2"));
            case "ellipse" -> ellipse(num(e, "cx"), num(e, "cy"), num(e, "rx"), num(e, "ry"));
            case "circle" -> ellipse(num(e, "cx"), num(e, "cy"), num(e, "r"), num(e, "r"));
            case "polyline", "polygon" -> poly(e);
            default -> throw new Unsupported("<" + e.getTagName() + ">");
        };
    }

    private static Shape rect(Element e) {
        double rx = num(e, "rx");
        double ry = e.hasAttribute("ry") ? num(e, "ry") : rx;
        if (rx > 0 || ry > 0) {
            return new RoundRectangle2D.Double(num(e, "x"), num(e, "y"), num(e, "width"), num(e, "height"), 2 * rx,
                    2 * ry);
        }
        return new Rectangle2D.Double(num(e, "x"), num(e, "y"), num(e, "width"), num(e, "height"));
    }

    private static Shape ellipse(double cx, double cy, double rx, double ry) {
        return new Ellipse2D.Double(cx - rx, cy - ry, 2 * rx, 2 * ry);
    }

    private static Shape poly(Element e) {
        double[] p = numbers(e.getAttribute("points"));
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i + 1 < p.length; i += 2) {
            if (i == 0) {
                path.moveTo(p[0], p[1]);
            } else {
                path.lineTo(p[i], p[i + 1]);
            }
        }
        if (e.getTagName().equals("polygon")) {
            path.closePath();
        }
        return path;
    }

    private static BasicStroke stroke(Map<String, String> s, float width) {
        int cap = switch (s.getOrDefault("stroke-linecap", "butt")) {
            case "round" -> BasicStroke.CAP_ROUND;
            case "square" -> BasicStroke.CAP_SQUARE;
            default -> BasicStroke.CAP_BUTT;
        };
        int join = switch (s.getOrDefault("stroke-linejoin", "miter")) {
            case "round" -> BasicStroke.JOIN_ROUND;
            case "bevel" -> BasicStroke.JOIN_BEVEL;
            default -> BasicStroke.JOIN_MITER;
        };
        float miter = s.containsKey("stroke-miterlimit") ? length(s.get("stroke-miterlimit")) : 4f;
        float[] dashes = null;
        String dash = s.getOrDefault("stroke-dasharray", "none");
        if (!dash.equals("none")) {
            double[] d = numbers(dash);
            dashes = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                dashes[i] = (float) d[i];
            }
        }
        float phase = s.containsKey("stroke-dashoffset") ? length(s.get("stroke-dashoffset")) : 0f;
        return new BasicStroke(width, cap, join, Math.max(1f, miter), dashes, phase);
    }

    /** A fill or stroke value as a Java2D paint, or null for none. */
    private Paint paintOf(String value, float opacity) {
        if (value == null || value.equals("none") || value.equals("transparent")) {
            return null;
        }
        if (value.startsWith("url(")) {
            return gradient(value);
        }
        Color c = colour(value);
        if (opacity < 1f) {
            return new Color(c.getRed(), c.getGreen(), c.getBlue(), Math.round(c.getAlpha() * opacity));
        }
        return c;
    }

    private Color colour(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.startsWith("var(")) {
            int comma = v.indexOf(',');
            String name = v.substring(4, comma > 0 ? comma : v.indexOf(')')).strip();
            String hex = palette.get(name);
            if (hex == null && comma > 0) {
                return colour(v.substring(comma + 1, v.lastIndexOf(')')));
            }
            if (hex == null) {
                throw new Unsupported("unknown colour variable " + name);
            }
            v = hex;
        }
        if (v.matches("#[0-9a-f]{6}")) {
            return new Color(Integer.parseInt(v.substring(1), 16));
        }
        if (v.matches("#[0-9a-f]{3}")) {
            int r = Character.digit(v.charAt(1), 16);
            int g = Character.digit(v.charAt(2), 16);
            int b = Character.digit(v.charAt(3), 16);
            return new Color(r * 17, g * 17, b * 17);
        }
        Matcher rgb = Pattern.compile("rgb\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)").matcher(v);
        if (rgb.matches()) {
            return new Color(Integer.parseInt(rgb.group(1)), Integer.parseInt(rgb.group(2)),
                    Integer.parseInt(rgb.group(3)));
        }
        Color named = NAMED.get(v);
        if (named == null) {
            throw new Unsupported("colour " + value);
        }
        return named;
    }

    private Paint gradient(String url) {
        Element g = ids.get(url.substring(url.indexOf('#') + 1, url.lastIndexOf(')')));
        if (g == null || !g.getTagName().equals("linearGradient")
                || !"userSpaceOnUse".equals(g.getAttribute("gradientUnits"))) {
            throw new Unsupported("paint " + url);
        }
        List<Element> stops = elements(g);
        float[] fractions = new float[stops.size()];
        Color[] colours = new Color[stops.size()];
        for (int i = 0; i < stops.size(); i++) {
            Element s = stops.get(i);
            fractions[i] = (float) Double.parseDouble(s.getAttribute("offset"));
            Color c = colour(s.getAttribute("stop-color"));
            if (s.hasAttribute("stop-opacity")) {
                c = new Color(c.getRed(), c.getGreen(), c.getBlue(),
                        (int) Math.round(255 * Double.parseDouble(s.getAttribute("stop-opacity"))));
            }
            colours[i] = c;
        }
        MultipleGradientPaint.CycleMethod cycle = switch (g.getAttribute("spreadMethod")) {
            case "reflect" -> MultipleGradientPaint.CycleMethod.REFLECT;
            case "repeat" -> MultipleGradientPaint.CycleMethod.REPEAT;
            default -> MultipleGradientPaint.CycleMethod.NO_CYCLE;
        };
        AffineTransform t = g.hasAttribute("gradientTransform") ? transform(g.getAttribute("gradientTransform"))
                : new AffineTransform();
        return new LinearGradientPaint(new Point2D.Double(num(g, "x1"), num(g, "y1")),
                new Point2D.Double(num(g, "x2"), num(g, "y2")), fractions, colours, cycle,
                MultipleGradientPaint.ColorSpaceType.SRGB, t);
    }

    private Shape clipShape(String url) {
        Element clip = ids.get(url.substring(url.indexOf('#') + 1, url.lastIndexOf(')')));
        if (clip == null || !clip.getTagName().equals("clipPath")) {
            throw new Unsupported("clip " + url);
        }
        java.awt.geom.Area area = new java.awt.geom.Area();
        for (Element child : elements(clip)) {
            Shape s = shape(child);
            String t = child.getAttribute("transform");
            area.add(new java.awt.geom.Area(t.isEmpty() ? s : transform(t).createTransformedShape(s)));
        }
        return area;
    }

    private void text(Graphics2D g, Element e, Inherited st) {
        if (!elements(e).isEmpty()) {
            throw new Unsupported("text with child elements");
        }
        String family = st.fontFamily().toLowerCase(Locale.ROOT).contains("serif")
                && !st.fontFamily().toLowerCase(Locale.ROOT).contains("sans") ? Font.SERIF
                : st.fontFamily().toLowerCase(Locale.ROOT).contains("mono") ? Font.MONOSPACED : Font.SANS_SERIF;
        Map<String, String> own = style(e);
        int weight = own.getOrDefault("font-weight", "normal").matches("bold|[6-9]00") ? Font.BOLD : Font.PLAIN;
        Font font = new Font(family, weight, 1).deriveFont(st.fontSize());
        String content = e.getTextContent();
        double x = num(e, "x");
        double width = g.getFontMetrics(font).getStringBounds(content, g).getWidth();
        if (st.textAnchor().equals("middle")) {
            x -= width / 2;
        } else if (st.textAnchor().equals("end")) {
            x -= width;
        }
        Paint fill = paintOf(st.fill(), st.fillOpacity());
        if (fill == null) {
            return;
        }
        g.setPaint(fill);
        g.setFont(font);
        g.drawString(content, (float) x, (float) num(e, "y"));
    }

    private static void image(Graphics2D g, Element e) {
        String href = e.hasAttribute("href") ? e.getAttribute("href") : e.getAttribute("xlink:href");
        String prefix = "data:image/png;base64,";
        if (!href.startsWith(prefix)) {
            throw new Unsupported("image " + (href.length() > 30 ? href.substring(0, 30) : href));
        }
        BufferedImage picture;
        try {
            picture = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(href.substring(prefix.length()))));
        } catch (IOException | IllegalArgumentException ex) {
            throw new Unsupported("unreadable embedded picture");
        }
        if (picture == null) {
            throw new Unsupported("unreadable embedded picture");
        }
        AffineTransform place = AffineTransform.getTranslateInstance(num(e, "x"), num(e, "y"));
        place.scale(num(e, "width") / picture.getWidth(), num(e, "height") / picture.getHeight());
        g.drawImage(picture, place, null);
    }

    static AffineTransform transform(String text) {
        AffineTransform t = new AffineTransform();
        Matcher m = TRANSFORM.matcher(text);
        while (m.find()) {
            double[] a = numbers(m.group(2));
            switch (m.group(1)) {
                case "translate" -> t.translate(a[0], a.length > 1 ? a[1] : 0);
                case "scale" -> t.scale(a[0], a.length > 1 ? a[1] : a[0]);
                case "rotate" -> {
                    if (a.length == 3) {
                        t.rotate(Math.toRadians(a[0]), a[1], a[2]);
                    } else {
                        t.rotate(Math.toRadians(a[0]));
                    }
                }
                case "matrix" -> t.concatenate(new AffineTransform(a[0], a[1], a[2], a[3], a[4], a[5]));
                default -> throw new Unsupported("transform " + m.group(1));
            }
        }
        return t;
    }

    /** Path data with absolute and relative M, L, H, V, C, Q and Z, and the repeats SVG implies. */
    static Path2D path(String d) {
        Path2D.Double p = new Path2D.Double();
        Matcher token = Pattern.compile("[MmLlHhVvCcQqZz]|" + NUMBER.pattern()).matcher(d);
        List<String> tokens = new ArrayList<>();
        int end = 0;
        while (token.find()) {
            if (!d.substring(end, token.start()).matches("[\\s,]*")) {
                throw new Unsupported("path data " + d.substring(end, token.start()));
            }
            tokens.add(token.group());
            end = token.end();
        }
        char command = ' ';
        double x = 0;
        double y = 0;
        double startX = 0;
        double startY = 0;
        int i = 0;
        while (i < tokens.size()) {
            String t = tokens.get(i);
            if (Character.isLetter(t.charAt(0))) {
                command = t.charAt(0);
                i++;
                if (command == 'Z' || command == 'z') {
                    p.closePath();
                    x = startX;
                    y = startY;
                }
                continue;
            }
            boolean rel = Character.isLowerCase(command);
            double ox = rel ? x : 0;
            double oy = rel ? y : 0;
            switch (Character.toUpperCase(command)) {
                case 'M' -> {
                    x = ox + value(tokens, i);
                    y = oy + value(tokens, i + 1);
                    p.moveTo(x, y);
                    startX = x;
                    startY = y;
                    i += 2;
                    // Further pairs after a move-to are line-tos.
                    command = rel ? 'l' : 'L';
                }
                case 'L' -> {
                    x = ox + value(tokens, i);
                    y = oy + value(tokens, i + 1);
                    p.lineTo(x, y);
                    i += 2;
                }
                case 'H' -> {
                    x = ox + value(tokens, i);
                    p.lineTo(x, y);
                    i += 1;
                }
                case 'V' -> {
                    y = oy + value(tokens, i);
                    p.lineTo(x, y);
                    i += 1;
                }
                case 'C' -> {
                    p.curveTo(ox + value(tokens, i), oy + value(tokens, i + 1), ox + value(tokens, i + 2),
                            oy + value(tokens, i + 3), ox + value(tokens, i + 4), oy + value(tokens, i + 5));
                    x = ox + value(tokens, i + 4);
                    y = oy + value(tokens, i + 5);
                    i += 6;
                }
                case 'Q' -> {
                    p.quadTo(ox + value(tokens, i), oy + value(tokens, i + 1), ox + value(tokens, i + 2),
                            oy + value(tokens, i + 3));
                    x = ox + value(tokens, i + 2);
                    y = oy + value(tokens, i + 3);
                    i += 4;
                }
                default -> throw new Unsupported("path data starting with a number");
            }
        }
        return p;
    }

    private static double value(List<String> tokens, int i) {
        if (i >= tokens.size() || Character.isLetter(tokens.get(i).charAt(0))) {
            throw new Unsupported("path data ends early");
        }
        return Double.parseDouble(tokens.get(i));
    }

    private static double[] numbers(String text) {
        Matcher m = NUMBER.matcher(text);
        List<Double> out = new ArrayList<>();
        while (m.find()) {
            out.add(Double.parseDouble(m.group()));
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double num(Element e, String attribute) {
        String v = e.getAttribute(attribute);
        return v.isEmpty() ? 0 : length(v);
    }

    private static float length(String v) {
        double[] n = numbers(v);
        if (n.length == 0 || v.strip().endsWith("%")) {
            throw new Unsupported("length " + v);
        }
        return (float) n[0];
    }
}
