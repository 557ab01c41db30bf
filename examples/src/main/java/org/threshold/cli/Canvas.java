package org.threshold.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;

/**
 * The few drawing operations the timeline chart needs, drawn either with Java 2D (for PNG) or as
 * SVG markup in which text stays text (for SVG files and the HTML report), so that both come from
 * one layout.
 */
interface Canvas {

    /** Where a text's x coordinate sits. */
    enum Anchor { START, MIDDLE, END }

    void line(double x1, double y1, double x2, double y2, Color color, float width, boolean dashed);

    void polyline(double[] xs, double[] ys, Color color, float width);

    void rect(double x, double y, double w, double h, Color fill);

    void circle(double cx, double cy, double r, Color fill);

    /** Text with its baseline at y; rotated a quarter turn anticlockwise where {@code vertical}. */
    void text(double x, double y, String text, float size, boolean bold, Color color, Anchor anchor, boolean vertical);

    /** The width of a text as drawn, the same for both kinds of canvas. */
    static double width(String text, float size, boolean bold) {
        return font(size, bold).getStringBounds(text, Measure.CONTEXT).getWidth();
    }

    static Font font(float size, boolean bold) {
        return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont(size);
    }

    /** Font measurement without a screen. */
    final class Measure {
        static final FontRenderContext CONTEXT = new FontRenderContext(new AffineTransform(), true, true);

        private Measure() {
        }
    }

    /** Draws on a Java 2D surface. */
    final class Java2D implements Canvas {
        private final Graphics2D g;

        Java2D(Graphics2D g) {
            this.g = g;
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, Color color, float width, boolean dashed) {
            g.setColor(color);
            g.setStroke(dashed ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f)
                    : new BasicStroke(width));
            g.draw(new Line2D.Double(x1, y1, x2, y2));
        }

        @Override
        public void polyline(double[] xs, double[] ys, Color color, float width) {
            Path2D.Double path = new Path2D.Double();
            boolean started = false;
            for (int i = 0; i < xs.length; i++) {
                if (Double.isNaN(ys[i])) {
                    started = false;
                } else if (started) {
                    path.lineTo(xs[i], ys[i]);
                } else {
                    path.moveTo(xs[i], ys[i]);
                    started = true;
                }
            }
            g.setColor(color);
            g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(path);
        }

        @Override
        public void rect(double x, double y, double w, double h, Color fill) {
            g.setColor(fill);
            g.fill(new Rectangle2D.Double(x, y, w, h));
        }

        @Override
        public void circle(double cx, double cy, double r, Color fill) {
            g.setColor(fill);
            g.fill(new java.awt.geom.Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        }

        @Override
        public void text(double x, double y, String text, float size, boolean bold, Color color, Anchor anchor, boolean vertical) {
            g.setFont(font(size, bold));
            g.setColor(color);
            double w = width(text, size, bold);
            double shift = anchor == Anchor.START ? 0 : anchor == Anchor.MIDDLE ? -w / 2 : -w;
            if (vertical) {
                AffineTransform saved = g.getTransform();
                g.translate(x, y);
                g.rotate(-Math.PI / 2);
                g.drawString(text, (float) shift, 0f);
                g.setTransform(saved);
            } else {
                g.drawString(text, (float) (x + shift), (float) y);
            }
        }
    }

    /** Writes SVG elements; text stays {@code <text>}, so it can be searched, selected and read aloud. */
    final class Svg implements Canvas {
        private final StringBuilder sb = new StringBuilder();
        private final int width;
        private final int height;

        Svg(int width, int height) {
            this.width = width;
            this.height = height;
        }

        private static String n(double v) {
            return String.format(Locale.ROOT, "%.1f", v);
        }

        private static String rgb(Color c) {
            return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
        }

        static String escape(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, Color color, float width, boolean dashed) {
            sb.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                    .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(rgb(color)).append("\" stroke-width=\"")
                    .append(width).append('"').append(dashed ? " stroke-dasharray=\"4 4\"" : "").append("/>\n");
        }

        @Override
        public void polyline(double[] xs, double[] ys, Color color, float width) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < xs.length; i++) {
                if (!Double.isNaN(ys[i])) {
                    points.append(n(xs[i])).append(',').append(n(ys[i])).append(' ');
                }
            }
            sb.append("<polyline fill=\"none\" stroke=\"").append(rgb(color)).append("\" stroke-width=\"").append(width)
                    .append("\" stroke-linejoin=\"round\" points=\"").append(points.toString().trim()).append("\"/>\n");
        }

        @Override
        public void rect(double x, double y, double w, double h, Color fill) {
            sb.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                    .append("\" height=\"").append(n(h)).append("\" fill=\"").append(rgb(fill)).append("\"/>\n");
        }

        @Override
        public void circle(double cx, double cy, double r, Color fill) {
            sb.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                    .append("\" fill=\"").append(rgb(fill)).append("\"/>\n");
        }

        @Override
        public void text(double x, double y, String text, float size, boolean bold, Color color, Anchor anchor, boolean vertical) {
            sb.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"").append(size)
                    .append('"').append(bold ? " font-weight=\"bold\"" : "").append(" fill=\"").append(rgb(color)).append('"')
                    .append(anchor == Anchor.START ? "" : anchor == Anchor.MIDDLE ? " text-anchor=\"middle\"" : " text-anchor=\"end\"")
                    .append(vertical ? " transform=\"rotate(-90 " + n(x) + " " + n(y) + ")\"" : "").append('>')
                    .append(escape(text)).append("</text>\n");
        }

        /** The whole picture as one {@code <svg>} element, with a title for screen readers. */
        String toSvg(String title) {
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + height
                    + "\" viewBox=\"0 0 " + width + " " + height + "\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\""
                    + " role=\"img\">\n<title>" + escape(title) + "</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
                    + sb + "</svg>\n";
        }
    }
}
