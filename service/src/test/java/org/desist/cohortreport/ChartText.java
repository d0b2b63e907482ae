package org.desist.cohortreport;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintFrame;
import net.sf.jasperreports.engine.JRPrintImage;
import net.sf.jasperreports.engine.JRPrintPage;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.renderers.Graphics2DRenderable;
import org.apache.batik.dom.GenericDOMImplementation;
import org.apache.batik.svggen.SVGGraphics2D;

/**
 * The text each chart of a filled report draws, read by drawing the chart onto a canvas that notes
 * every string and where it lands. In the PDF, chart text is drawn as shapes, so PDFBox cannot read
 * it: this is how a test sees a chart's labels, and whether any of them falls outside the chart.
 */
record ChartText(String key, List<Label> labels) {

    /** One string a chart drew, and whether it lies wholly inside the chart's box. */
    record Label(String text, boolean inside, Rectangle2D box) {}

    /** Every chart of the print, by its element key, in page order. */
    static Map<String, ChartText> of(JasperPrint print) {
        Map<String, ChartText> charts = new LinkedHashMap<>();
        for (JRPrintPage page : print.getPages()) {
            collect(page.getElements(), charts);
        }
        return charts;
    }

    private static void collect(List<JRPrintElement> elements, Map<String, ChartText> charts) {
        for (JRPrintElement element : elements) {
            if (element instanceof JRPrintFrame frame) {
                collect(frame.getElements(), charts);
            } else if (element instanceof JRPrintImage image
                    && image.getRenderer() instanceof Graphics2DRenderable chart) {
                Canvas canvas = new Canvas(image.getWidth(), image.getHeight());
                try {
                    chart.render(
                            DefaultJasperReportsContext.getInstance(),
                            canvas,
                            new Rectangle2D.Double(0, 0, image.getWidth(), image.getHeight()));
                } catch (JRException e) {
                    throw new IllegalStateException(e);
                }
                String key = image.getKey() != null ? image.getKey() : "chart-" + charts.size();
                charts.put(key, new ChartText(key, List.copyOf(canvas.labels)));
            }
        }
    }

    List<String> texts() {
        return labels.stream().map(Label::text).toList();
    }

    long count(String text) {
        return labels.stream().filter(label -> label.text().equals(text)).count();
    }

    /** All the chart's text as one string, for contains-checks across wrapped lines. */
    String joined() {
        return String.join(" ", texts());
    }

    /** An SVG canvas that notes each string drawn and its box on the page. */
    private static final class Canvas extends SVGGraphics2D {
        private final double width;
        private final double height;
        private final List<Label> labels;

        Canvas(double width, double height) {
            super(GenericDOMImplementation.getDOMImplementation().createDocument(null, "svg", null));
            this.width = width;
            this.height = height;
            this.labels = new ArrayList<>();
        }

        private Canvas(Canvas parent) {
            super(parent);
            this.width = parent.width;
            this.height = parent.height;
            this.labels = parent.labels;
        }

        @Override
        public java.awt.Graphics create() {
            return new Canvas(this);
        }

        @Override
        public void drawString(String text, float x, float y) {
            Rectangle2D box = getFont().getStringBounds(text, getFontRenderContext());
            box.setRect(box.getX() + x, box.getY() + y, box.getWidth(), box.getHeight());
            Rectangle2D onPage = getTransform().createTransformedShape(box).getBounds2D();
            boolean inside = onPage.getMinX() >= -0.5
                    && onPage.getMinY() >= -0.5
                    && onPage.getMaxX() <= width + 0.5
                    && onPage.getMaxY() <= height + 0.5;
            labels.add(new Label(text, inside, onPage));
            super.drawString(text, x, y);
        }
    }
}
