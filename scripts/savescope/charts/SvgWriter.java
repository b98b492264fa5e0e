package savescope.charts;

import de.erichseifert.vectorgraphics2d.GraphicsState;
import de.erichseifert.vectorgraphics2d.intermediate.commands.AffineTransformCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.Command;
import de.erichseifert.vectorgraphics2d.intermediate.commands.CreateCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DisposeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DrawImageCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DrawShapeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DrawStringCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.FillShapeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetClipCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetColorCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetFontCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetPaintCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetStrokeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetTransformCommand;
import de.erichseifert.vectorgraphics2d.util.GraphicsUtils;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.LinearGradientPaint;
import java.awt.MultipleGradientPaint;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Writes the drawing commands VectorGraphics2D recorded while a chart painted itself as the compact SVG that
 * {@link Svg} embeds (tenths of a pixel, shortest path data, theme colours as CSS variables, ids from the content).
 * It keeps the rules of VectorGraphics2D's own SVG processor, so charts look as they did when that processor built a DOM.
 */
final class SvgWriter {
    /** Stands for the content hash in ids until the whole drawing is known; never part of a finished chart. */
    private static final char HASH_MARK = '\u0001';
    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000};
    /** Indexed by BasicStroke's CAP_ and JOIN_ constants (0, 1, 2). */
    private static final String[] CAPS = {"butt", "round", "square"};
    private static final String[] JOINS = {"miter", "round", "bevel"};
    /** VectorGraphics2D measures text with this context, so text drawn as outlines here lays out the same. */
    private static final FontRenderContext TEXT_CONTEXT = new FontRenderContext(null, false, true);
    /** Theme colours by RGB (alpha left out: a translucent theme colour is the variable plus an opacity). */
    private static final Map<Integer, String> VARIABLES = variables();

    private final Deque<GraphicsState> states = new ArrayDeque<>();
    private final StringBuilder drawing = new StringBuilder(32 * 1024);
    private final StringBuilder defs = new StringBuilder();
    private final Map<String, String> defIds = new HashMap<>();
    /**
     * A paint other than a plain colour fills every later shape until the graphics is disposed, colours set in
     * between notwithstanding: VectorGraphics2D's processor did so, and the heat-map legend's numbers look the
     * way readers know them (in the legend's end colour) only because of it.
     */
    private Paint fillPaint;
    private boolean placementChanged;
    /** Attributes of the open {@code <g>}, or empty while drawing straight into the root. */
    private String openGroup = "";
    private String fillStyle;
    private String strokeStyle;

    private SvgWriter() {
        states.push(new GraphicsState());
    }

    /** The markup inside {@code <svg>} for the recorded commands: {@code <defs>} first if any, then the drawing. */
    static String write(Iterable<Command<?>> commands) {
        SvgWriter writer = new SvgWriter();
        for (Command<?> command : commands) {
            writer.handle(command);
        }
        return writer.finish();
    }

    private String finish() {
        if (!openGroup.isEmpty()) {
            drawing.append("</g>");
        }
        if (defs.length() == 0) {
            return drawing.toString();
        }
        String body = "<defs>" + defs + "</defs>" + drawing;
        // Ids from the content keep the output reproducible and distinct between charts on one page.
        return body.replace(String.valueOf(HASH_MARK), Integer.toHexString(body.hashCode()));
    }

    private GraphicsState state() {
        return states.peek();
    }

    private void handle(Command<?> command) {
        if (command instanceof FillShapeCommand fill) {
            fill(fill.getValue());
        } else if (command instanceof DrawShapeCommand draw) {
            stroke(draw.getValue());
        } else if (command instanceof SetColorCommand set) {
            state().setColor(set.getValue());
            fillStyle = null;
            strokeStyle = null;
        } else if (command instanceof SetStrokeCommand set) {
            state().setStroke(set.getValue());
            strokeStyle = null;
        } else if (command instanceof SetTransformCommand set) {
            state().setTransform(set.getValue());
            placementChanged = true;
        } else if (command instanceof AffineTransformCommand change) {
            AffineTransform transform = state().getTransform();
            transform.concatenate(change.getValue());
            state().setTransform(transform);
            placementChanged = true;
        } else if (command instanceof SetClipCommand set) {
            state().setClip(set.getValue());
            placementChanged = true;
        } else if (command instanceof SetPaintCommand set) {
            fillPaint = set.getValue();
        } else if (command instanceof SetFontCommand set) {
            if (set.getValue() != null) {
                state().setFont(set.getValue());
            }
        } else if (command instanceof DrawImageCommand image) {
            image(image.getValue(), image.getX(), image.getY(), image.getWidth(), image.getHeight());
        } else if (command instanceof DrawStringCommand text) {
            // Text becomes outlines like every label XChart draws, so no string ever reaches the markup.
            TextLayout layout = new TextLayout(text.getValue(), state().getFont(), TEXT_CONTEXT);
            fill(layout.getOutline(AffineTransform.getTranslateInstance(text.getX(), text.getY())));
        } else if (command instanceof CreateCommand) {
            try {
                states.push((GraphicsState) state().clone());
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        } else if (command instanceof DisposeCommand) {
            if (states.size() > 1) {
                states.pop();
            }
            fillPaint = null;
            fillStyle = null;
            strokeStyle = null;
            placementChanged = true;
        }
        // Background, composite, hints and XOR mode change nothing VectorGraphics2D's processor wrote either.
    }

    private void fill(Shape shape) {
        place();
        if (fillPaint == null) {
            if (fillStyle == null) {
                fillStyle = paintStyle("fill", state().getColor());
            }
            shape(drawing, shape, fillStyle);
        } else if (gradientIsWritable(fillPaint)) {
            shape(drawing, shape, "fill:url(#" + gradient((LinearGradientPaint) fillPaint) + ")");
        } else {
            rasterFill(shape, fillPaint);
        }
    }

    private void stroke(Shape shape) {
        place();
        if (strokeStyle == null) {
            strokeStyle = strokeStyle(state().getColor(), state().getStroke());
        }
        shape(drawing, shape, strokeStyle);
    }

    /** Opens the group (clip and transform) the current state needs, if the open one is not it. */
    private void place() {
        if (!placementChanged) {
            return;
        }
        placementChanged = false;
        StringBuilder attributes = new StringBuilder();
        Shape clip = state().getClip();
        if (clip != null) {
            StringBuilder clipShape = new StringBuilder();
            shape(clipShape, clip, null);
            attributes.append(" clip-path=\"url(#").append(define("clipPath", "", "", clipShape.toString())).append(")\"");
        }
        AffineTransform transform = state().getTransform();
        if (!transform.isIdentity()) {
            transform(attributes, "transform", transform);
        }
        String group = attributes.toString();
        if (group.equals(openGroup)) {
            return;
        }
        if (!openGroup.isEmpty()) {
            drawing.append("</g>");
        }
        if (!group.isEmpty()) {
            drawing.append("<g").append(group).append('>');
        }
        openGroup = group;
    }

    /**
     * An element in {@code <defs>}, written once however often it is used; returns its id. The id goes between
     * the attributes before and after it, so they stay in alphabetical order.
     */
    private String define(String element, String before, String after, String content) {
        String key = element + before + '|' + after + '|' + content;
        String id = defIds.get(key);
        if (id == null) {
            id = "k" + HASH_MARK + "-" + defIds.size();
            defIds.put(key, id);
            defs.append('<').append(element).append(before).append(" id=\"").append(id).append('"').append(after)
                    .append('>').append(content).append("</").append(element).append('>');
        }
        return id;
    }

    /** {@code name="translate(x y)"}, or a matrix when the transform rotates or scales; nothing for none. */
    private static void transform(StringBuilder b, String name, AffineTransform t) {
        if (t.getType() == AffineTransform.TYPE_TRANSLATION) {
            long x = Math.round(t.getTranslateX() * 10);
            long y = Math.round(t.getTranslateY() * 10);
            if (x != 0 || y != 0) {
                b.append(' ').append(name).append("=\"translate(");
                tenths(b, x);
                b.append(' ');
                tenths(b, y);
                b.append(")\"");
            }
            return;
        }
        // Rotation and scale keep four decimals: a tenth would visibly shrink a rotated label (cos 30° = 0.866).
        b.append(' ').append(name).append("=\"matrix(");
        fixed(b, t.getScaleX(), 4);
        b.append(' ');
        fixed(b, t.getShearY(), 4);
        b.append(' ');
        fixed(b, t.getShearX(), 4);
        b.append(' ');
        fixed(b, t.getScaleY(), 4);
        b.append(' ');
        fixed(b, t.getTranslateX(), 1);
        b.append(' ');
        fixed(b, t.getTranslateY(), 1);
        b.append(")\"");
    }

    /** An SVG element for the shape, in the same element types VectorGraphics2D chose; no style when null. */
    private static void shape(StringBuilder b, Shape shape, String style) {
        if (shape instanceof Line2D line) {
            b.append("<line");
            style(b, style);
            attribute(b, "x1", line.getX1());
            attribute(b, "x2", line.getX2());
            attribute(b, "y1", line.getY1());
            attribute(b, "y2", line.getY2());
        } else if (shape instanceof Rectangle2D rect) {
            b.append("<rect");
            attribute(b, "height", rect.getHeight());
            style(b, style);
            attribute(b, "width", rect.getWidth());
            attribute(b, "x", rect.getX());
            attribute(b, "y", rect.getY());
        } else if (shape instanceof RoundRectangle2D rect) {
            b.append("<rect");
            attribute(b, "height", rect.getHeight());
            attribute(b, "rx", rect.getArcWidth() / 2);
            attribute(b, "ry", rect.getArcHeight() / 2);
            style(b, style);
            attribute(b, "width", rect.getWidth());
            attribute(b, "x", rect.getX());
            attribute(b, "y", rect.getY());
        } else if (shape instanceof Ellipse2D ellipse) {
            b.append("<ellipse");
            attribute(b, "cx", ellipse.getCenterX());
            attribute(b, "cy", ellipse.getCenterY());
            attribute(b, "rx", ellipse.getWidth() / 2);
            attribute(b, "ry", ellipse.getHeight() / 2);
            style(b, style);
        } else {
            b.append("<path d=\"");
            pathData(b, shape.getPathIterator(null));
            b.append('"');
            style(b, style);
        }
        b.append("/>");
    }

    /**
     * Path data in its shortest form at a tenth of a pixel: a command letter only where it changes (SVG repeats
     * the last one, and a move-to goes on as line-to), and a space only where a minus sign cannot separate.
     */
    private static void pathData(StringBuilder b, PathIterator segments) {
        double[] c = new double[6];
        char last = ' ';
        for (; !segments.isDone(); segments.next()) {
            int type = segments.currentSegment(c);
            char command;
            int points;
            switch (type) {
                case PathIterator.SEG_MOVETO -> { command = 'M'; points = 1; }
                case PathIterator.SEG_LINETO -> { command = 'L'; points = 1; }
                case PathIterator.SEG_QUADTO -> { command = 'Q'; points = 2; }
                case PathIterator.SEG_CUBICTO -> { command = 'C'; points = 3; }
                default -> { command = 'Z'; points = 0; }
            }
            boolean implied = command != 'M' && command != 'Z'
                    && (command == last || (command == 'L' && last == 'M'));
            if (!implied) {
                b.append(command);
            }
            last = command;
            for (int i = 0; i < 2 * points; i++) {
                long t = Math.round(c[i] * 10);
                char previous = b.charAt(b.length() - 1);
                if (t >= 0 && previous >= '0' && previous <= '9') {
                    b.append(' ');
                }
                tenths(b, t);
            }
        }
    }

    private static void style(StringBuilder b, String style) {
        if (style != null) {
            b.append(" style=\"").append(style).append('"');
        }
    }

    private static void attribute(StringBuilder b, String name, double value) {
        b.append(' ').append(name).append("=\"");
        tenths(b, Math.round(value * 10));
        b.append('"');
    }

    /** {@code fill:colour} or {@code stroke:colour}, with the colour's alpha as an opacity. */
    private static String paintStyle(String property, Color c) {
        StringBuilder b = new StringBuilder(40).append(property).append(':').append(colour(c));
        if (c.getAlpha() < 255) {
            b.append(';').append(property).append("-opacity:");
            tenths(b, Math.round(c.getAlpha() / 255.0 * 10));
        }
        return b.toString();
    }

    /** Stroke settings SVG does not assume already: width other than 1, caps, joins, dashes. */
    private static String strokeStyle(Color c, Stroke stroke) {
        StringBuilder b = new StringBuilder(96).append("fill:none;").append(paintStyle("stroke", c));
        if (stroke instanceof BasicStroke s) {
            if (s.getLineWidth() != 1f) {
                b.append(";stroke-width:");
                tenths(b, Math.round(s.getLineWidth() * 10.0));
            }
            // Java's default miter limit (10) was always left out; it keeps the narrow SVG default of 4.
            long miter = Math.round(s.getMiterLimit() * 10.0);
            if (s.getMiterLimit() != 4f && miter != 100) {
                b.append(";stroke-miterlimit:");
                tenths(b, miter);
            }
            if (s.getEndCap() != BasicStroke.CAP_BUTT) {
                b.append(";stroke-linecap:").append(CAPS[s.getEndCap()]);
            }
            if (s.getLineJoin() != BasicStroke.JOIN_MITER) {
                b.append(";stroke-linejoin:").append(JOINS[s.getLineJoin()]);
            }
            float[] dashes = s.getDashArray();
            if (dashes != null) {
                b.append(";stroke-dasharray:");
                for (int i = 0; i < dashes.length; i++) {
                    if (i > 0) {
                        b.append(',');
                    }
                    tenths(b, Math.round(dashes[i] * 10.0));
                }
                if (s.getDashPhase() != 0f) {
                    b.append(";stroke-dashoffset:");
                    tenths(b, Math.round(s.getDashPhase() * 10.0));
                }
            }
        }
        return b.toString();
    }

    /** A theme colour as its page variable, any other as {@code #rrggbb}. */
    private static String colour(Color c) {
        String variable = VARIABLES.get(c.getRGB() & 0xFFFFFF);
        return variable != null ? variable : hex(c);
    }

    private static String hex(Color c) {
        return "#" + Integer.toHexString(0x1000000 | (c.getRGB() & 0xFFFFFF)).substring(1);
    }

    private static boolean gradientIsWritable(Paint paint) {
        return paint instanceof LinearGradientPaint g
                && g.getColorSpace() == MultipleGradientPaint.ColorSpaceType.SRGB;
    }

    /**
     * The gradient as an SVG linearGradient in the user space of whatever it fills, as in Java2D. Its colours
     * stay fixed: a heat-map legend must keep matching the cells it explains, whose colours are fixed too.
     */
    private String gradient(LinearGradientPaint paint) {
        StringBuilder attributes = new StringBuilder();
        if (!paint.getTransform().isIdentity()) {
            transform(attributes, "gradientTransform", paint.getTransform());
        }
        attributes.append(" gradientUnits=\"userSpaceOnUse\"");
        StringBuilder points = new StringBuilder();
        if (paint.getCycleMethod() == MultipleGradientPaint.CycleMethod.REFLECT) {
            points.append(" spreadMethod=\"reflect\"");
        } else if (paint.getCycleMethod() == MultipleGradientPaint.CycleMethod.REPEAT) {
            points.append(" spreadMethod=\"repeat\"");
        }
        attribute(points, "x1", paint.getStartPoint().getX());
        attribute(points, "x2", paint.getEndPoint().getX());
        attribute(points, "y1", paint.getStartPoint().getY());
        attribute(points, "y2", paint.getEndPoint().getY());
        StringBuilder stops = new StringBuilder();
        float[] fractions = paint.getFractions();
        Color[] colours = paint.getColors();
        for (int i = 0; i < fractions.length; i++) {
            stops.append("<stop offset=\"");
            fixed(stops, fractions[i], 4);
            stops.append("\" stop-color=\"").append(hex(colours[i])).append('"');
            if (colours[i].getAlpha() < 255) {
                stops.append(" stop-opacity=\"");
                fixed(stops, colours[i].getAlpha() / 255.0, 2);
                stops.append('"');
            }
            stops.append("/>");
        }
        return define("linearGradient", attributes.toString(), points.toString(), stops.toString());
    }

    /**
     * A shape filled with a paint SVG cannot express, as a picture of it: what VectorGraphics2D's processor
     * did for every such paint.
     */
    private void rasterFill(Shape shape, Paint paint) {
        Rectangle2D bounds = shape.getBounds2D();
        int width = (int) Math.round(bounds.getWidth());
        int height = (int) Math.round(bounds.getHeight());
        if (width <= 0 || height <= 0) {
            return;
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.scale(width / bounds.getWidth(), height / bounds.getHeight());
        g.translate(-bounds.getX(), -bounds.getY());
        g.setPaint(paint);
        g.fill(shape);
        g.dispose();
        image(image, bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight());
    }

    private void image(Image image, double x, double y, double width, double height) {
        place();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(GraphicsUtils.toBufferedImage(image), "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        drawing.append("<image");
        attribute(drawing, "height", height);
        drawing.append(" preserveAspectRatio=\"none\"");
        attribute(drawing, "width", width);
        attribute(drawing, "x", x);
        drawing.append(" xlink:href=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png.toByteArray())).append('"');
        attribute(drawing, "y", y);
        drawing.append("/>");
    }

    /** Appends a count of tenths as a decimal: no trailing {@code .0}, no negative zero. */
    static void tenths(StringBuilder b, long tenths) {
        if (tenths < 0) {
            b.append('-');
            tenths = -tenths;
        }
        b.append(tenths / 10);
        if (tenths % 10 != 0) {
            b.append('.').append((char) ('0' + tenths % 10));
        }
    }

    /** Appends {@code value} rounded to {@code digits} decimals (at most 4), without trailing zeros. */
    private static void fixed(StringBuilder b, double value, int digits) {
        long scale = POWERS_OF_TEN[digits];
        long n = Math.round(value * scale);
        if (n < 0) {
            b.append('-');
            n = -n;
        }
        b.append(n / scale);
        long fraction = n % scale;
        if (fraction != 0) {
            b.append('.');
            for (long unit = scale / 10; fraction != 0; unit /= 10) {
                b.append((char) ('0' + fraction / unit));
                fraction %= unit;
            }
        }
    }

    private static Map<Integer, String> variables() {
        Map<Integer, String> m = new HashMap<>();
        for (Map.Entry<Color, String> e : Theme.CSS_VARIABLES.entrySet()) {
            m.put(e.getKey().getRGB() & 0xFFFFFF, "var(" + e.getValue() + ")");
        }
        return m;
    }
}
