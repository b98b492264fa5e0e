package savescope.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import savescope.render.SvgRaster;

/**
 * The PNG of a chart matches the chart: drawing calls painted straight onto a bitmap by Java2D (the independent
 * method) and the same calls written as SVG by {@link SvgWriter} and painted back by {@link SvgRaster} agree pixel
 * for pixel, up to anti-aliasing at edges.
 */
class SvgRasterTest {
    /** The theme's colours by CSS variable, as the page's stylesheet defines them. */
    static final java.util.Map<String, String> PALETTE = palette();

    static java.util.Map<String, String> palette() {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        Theme.CSS_VARIABLES.forEach((c, v) -> m.put(v, String.format("#%06x", c.getRGB() & 0xFFFFFF)));
        return m;
    }

    static final int W = 240;
    static final int H = 140;

    static final Consumer<Graphics2D> DRAWING = g -> {
        g.setColor(Theme.BACKGROUND);
        g.fill(new Rectangle2D.Double(0, 0, W, H));
        g.setColor(Theme.BLUE);
        g.fill(new Rectangle2D.Double(10, 10, 60, 40));
        g.setColor(new Color(213, 94, 0, 128));
        g.fill(new Ellipse2D.Double(50, 20, 50, 50));
        g.setColor(Theme.GRID);
        g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {6, 4}, 0));
        g.draw(new Line2D.Double(10, 100, 200, 100));
        Path2D.Double tri = new Path2D.Double();
        tri.moveTo(120, 60);
        tri.lineTo(160, 10);
        tri.quadTo(200, 40, 170, 70);
        tri.curveTo(160, 80, 140, 80, 120, 60);
        tri.closePath();
        g.setColor(Theme.GREEN);
        g.fill(tri);
        Graphics2D turned = (Graphics2D) g.create();
        turned.translate(200, 120);
        turned.rotate(-Math.PI / 6);
        turned.clip(new Rectangle2D.Double(-30, -30, 50, 40));
        turned.setColor(Theme.INK);
        turned.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        turned.drawString("Saves 12", -28, 0);
        turned.setPaint(new LinearGradientPaint(-30, 0, 20, 0, new float[] {0, 1}, new Color[] {Color.WHITE, Theme.PURPLE}));
        turned.fill(new Rectangle2D.Double(-30, 2, 60, 8));
        turned.dispose();
        // A paint SVG cannot express goes into the SVG as an embedded picture.
        g.setPaint(new RadialGradientPaint(30, 120, 15, new float[] {0, 1}, new Color[] {Theme.YELLOW, Theme.SKY}));
        g.fill(new Rectangle2D.Double(15, 105, 30, 30));
    };

    @Test
    void svgPaintedBackMatchesJava2dDrawingTheSameCalls() {
        BufferedImage direct = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = direct.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        DRAWING.accept(g);
        g.dispose();

        VectorGraphics2D vector = new VectorGraphics2D();
        DRAWING.accept(vector);
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + W + " " + H + "\" width=\"100%\">"
                + SvgWriter.write(vector.getCommands()) + "</svg>";
        assertTrue(svg.contains("var(--oi-blue)"), "the page form uses the theme's variables");
        BufferedImage painted = SvgRaster.image(svg, 1, PALETTE).orElseThrow();

        long total = 0;
        int far = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int a = direct.getRGB(x, y);
                int b = painted.getRGB(x, y);
                int d = 0;
                for (int shift = 0; shift <= 16; shift += 8) {
                    d = Math.max(d, Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)));
                }
                total += d;
                far += d > 96 ? 1 : 0;
            }
        }
        double mean = total / (double) (W * H);
        // Coordinates are rounded to a tenth of a pixel in the SVG, which moves anti-aliased edges slightly.
        assertTrue(mean < 2.0, "mean channel difference " + mean);
        assertTrue(far < W * H / 200, far + " pixels differ by more than 96");
        assertEquals(Theme.BLUE.getRGB(), painted.getRGB(40, 30), "theme variable painted as its colour");
    }

    @Test
    void pngIsTwiceTheSizeAndDecodes() throws Exception {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 30 20\"><rect x=\"0\" y=\"0\" width=\"30\""
                + " height=\"20\" style=\"fill:var(--oi-orange)\"/></svg>";
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(SvgRaster.png(svg, 2, PALETTE).orElseThrow()));
        assertEquals(60, png.getWidth());
        assertEquals(40, png.getHeight());
        assertEquals(0xE69F00, png.getRGB(30, 20) & 0xFFFFFF);
    }

    @Test
    void handDrawnTextIsAnchoredAndColouredFromItsGroup() {
        // Like the posting heat map: font from the group, colour and anchor on the text.
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 40\"><g font-family=\"sans-serif\""
                + " font-size=\"20\"><text x=\"100\" y=\"30\" text-anchor=\"middle\" fill=\"#ff0000\">MMMM</text>"
                + "<text x=\"200\" y=\"30\" text-anchor=\"end\" fill=\"#0000ff\">I</text></g></svg>";
        BufferedImage img = SvgRaster.image(svg, 1, PALETTE).orElseThrow();
        int minX = W;
        int maxX = -1;
        boolean blue = false;
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 200; x++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                if (rgb == 0xFF0000 || (rgb >> 16) > 200 && (rgb & 0xFFFF) < 0x6060) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                }
                blue |= x > 185 && (rgb & 0xFF) > 200 && (rgb >> 16) < 60;
            }
        }
        assertTrue(maxX > minX, "the red text was drawn");
        // Centred on x = 100: the ink's middle is within two pixels of it.
        assertEquals(100, (minX + maxX) / 2.0, 2.0);
        assertTrue(blue, "the end-anchored text ends at the right edge");
    }

    @Test
    void svgOutsideTheVocabularyGivesNoPicture() {
        assertTrue(SvgRaster.png("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><foreignObject/></svg>",
                1, PALETTE).isEmpty());
        assertTrue(SvgRaster.png("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"5\" "
                + "height=\"5\" style=\"fill:var(--unknown)\"/></svg>", 1, PALETTE).isEmpty());
        // A variable the palette lacks takes its fallback.
        assertEquals(0x123456, SvgRaster.image("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 4\"><rect "
                + "width=\"4\" height=\"4\" style=\"fill:var(--unknown, #123456)\"/></svg>", 1, PALETTE).orElseThrow()
                .getRGB(2, 2) & 0xFFFFFF);
        assertTrue(SvgRaster.png("<svg viewBox=\"0 0 10 10\"><rect", 1, PALETTE).isEmpty(), "not well-formed");
        assertTrue(SvgRaster.png("<!DOCTYPE svg [<!ENTITY x \"y\">]><svg viewBox=\"0 0 10 10\"/>", 1, PALETTE).isEmpty(),
                "a doctype is refused");
    }
}
