package org.desist.cohortreport;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import java.text.DecimalFormat;
import java.util.Map;
import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPosition;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.CategoryLabelWidthType;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.XYItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.text.TextBlockAnchor;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.XYDataset;

/**
 * How every chart of the cohort and programme reports is drawn; the templates name it as each chart's
 * customizer. A withheld value is drawn, never left out and never drawn as zero: a small number as a
 * pale bar with a dashed outline up to {@link ChartPoint#SMALL_NUMBER_DRAWN_AT}, labelled "&lt;5"; a
 * value withheld for another reason as "[c]" at the axis. Value axes start at zero, counts tick in
 * whole numbers, rates in whole percentages. Category labels wrap rather than being cut short, and the
 * chart keeps a margin so that the last month's label is not clipped. The chart's properties say what
 * it measures ({@value #MEASURE}: count or percent) and which series, if any, is a level drawn across
 * it rather than as bars ({@value #LEVEL}: the target).
 */
public class ChartStyle implements JRChartCustomizer {
    static final String MEASURE = "desist.chart.measure";
    static final String LEVEL = "desist.chart.level";
    private static final Font LABEL = new Font("DejaVu Sans", Font.PLAIN, 7);
    private static final Font TICK = new Font("DejaVu Sans", Font.PLAIN, 7);
    private static final Color LEVEL_COLOUR = new Color(0xC0392B);
    private static final Map<String, Color> COLOURS = Map.of(
            ChartPoint.IMPROVED, new Color(0x2E8B57),
            ChartPoint.STAYED, new Color(0x7F7F7F),
            ChartPoint.WORSENED, new Color(0xC0392B),
            ChartPoint.TARGET, new Color(0xE0A040),
            ChartPoint.ATTENDANCE, new Color(0x2E8B57),
            ChartPoint.BASELINE, new Color(0x7F7F7F));
    private static final Color DEFAULT_COLOUR = new Color(0x1F5A96);
    private static final Stroke DASHED =
            new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 2f}, 0f);

    @Override
    public void customize(JFreeChart chart, JRChart design) {
        style(
                chart,
                "percent".equals(design.getPropertiesMap().getProperty(MEASURE)),
                design.getPropertiesMap().getProperty(LEVEL));
    }

    /**
     * Styles a chart as the reports draw theirs: the PDFs through {@link #customize}, the dashboard's SVG directly.
     * The renderer's item label generator, if any, gives each point's printed label ("&lt;5", "[c]", the value).
     *
     * @param level the series drawn as a level across a chart by month rather than as bars; null for none
     */
    public static void style(JFreeChart chart, boolean percent, String level) {
        // room at the right for the last month's label, which is centred on the plot's edge
        chart.setPadding(new RectangleInsets(2, 2, 2, 16));
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(TICK);
        }
        if (chart.getPlot() instanceof CategoryPlot plot) {
            style(plot, percent);
        } else if (chart.getPlot() instanceof XYPlot plot) {
            style(plot, percent, level);
        }
    }

    private static void style(CategoryPlot plot, boolean percent) {
        CategoryDataset data = plot.getDataset();
        CategoryItemLabelGenerator labels = plot.getRenderer().getDefaultItemLabelGenerator();
        BarRenderer bars = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return withheld(labels == null ? null : labels.generateLabel(data, row, column))
                        ? pale(colour(data.getRowKey(row)))
                        : colour(data.getRowKey(row));
            }

            @Override
            public Paint getItemOutlinePaint(int row, int column) {
                return colour(data.getRowKey(row));
            }

            @Override
            public Stroke getItemOutlineStroke(int row, int column) {
                return withheld(labels == null ? null : labels.generateLabel(data, row, column))
                        ? DASHED
                        : new BasicStroke(0.5f);
            }
        };
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(true);
        bars.setItemMargin(0.04);
        bars.setMaximumBarWidth(0.12);
        for (int row = 0; row < data.getRowCount(); row++) {
            bars.setSeriesPaint(row, colour(data.getRowKey(row)));
        }
        if (labels != null) {
            bars.setDefaultItemLabelGenerator(labels);
            bars.setDefaultItemLabelsVisible(true);
            bars.setDefaultItemLabelFont(LABEL);
            bars.setDefaultPositiveItemLabelPosition(
                    plot.getOrientation() == PlotOrientation.HORIZONTAL
                            ? new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT)
                            : new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
            bars.setItemLabelAnchorOffset(2);
        }
        plot.setRenderer(bars);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        double most = 0;
        for (int row = 0; row < data.getRowCount(); row++) {
            for (int column = 0; column < data.getColumnCount(); column++) {
                Number value = data.getValue(row, column);
                most = value == null ? most : Math.max(most, value.doubleValue());
            }
        }
        valueAxis(plot.getRangeAxis(), percent, most);
        CategoryAxis categories = plot.getDomainAxis();
        categories.setTickLabelFont(TICK);
        categories.setMaximumCategoryLabelLines(3);
        categories.setCategoryMargin(0.15);
        // labels beside horizontal bars may take two fifths of the chart and wrap; under vertical ones, a whole
        // category
        CategoryLabelPosition left = new CategoryLabelPosition(
                RectangleAnchor.RIGHT, TextBlockAnchor.CENTER_RIGHT, CategoryLabelWidthType.RANGE, 0.40f);
        CategoryLabelPosition below = new CategoryLabelPosition(
                RectangleAnchor.TOP, TextBlockAnchor.TOP_CENTER, CategoryLabelWidthType.CATEGORY, 1.0f);
        categories.setCategoryLabelPositions(new CategoryLabelPositions(below, below, left, left));
    }

    private static void style(XYPlot plot, boolean percent, String level) {
        XYDataset data = plot.getDataset();
        double most = 0;
        if (level != null && data instanceof TimeSeriesCollection series) {
            TimeSeries drawnAcross = series.getSeries(level);
            if (drawnAcross != null) {
                series.removeSeries(drawnAcross);
                Number value = drawnAcross.getItemCount() == 0 ? null : drawnAcross.getValue(0);
                if (value != null) {
                    most = value.doubleValue();
                    ValueMarker marker = new ValueMarker(value.doubleValue(), LEVEL_COLOUR, new BasicStroke(1.2f));
                    marker.setLabel(level + " " + Math.round(value.doubleValue()));
                    marker.setLabelFont(LABEL);
                    marker.setLabelPaint(LEVEL_COLOUR);
                    marker.setLabelBackgroundColor(new Color(255, 255, 255, 0));
                    marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                    marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
                    marker.setLabelOffset(new RectangleInsets(2, 4, 2, 2));
                    plot.addRangeMarker(0, marker, Layer.FOREGROUND);
                }
            }
        }
        XYItemLabelGenerator labels = plot.getRenderer().getDefaultItemLabelGenerator();
        XYBarRenderer bars = new XYBarRenderer(0.1) {
            @Override
            public Paint getItemPaint(int row, int column) {
                return withheld(label(row, column))
                        ? pale(colour(data.getSeriesKey(row)))
                        : colour(data.getSeriesKey(row));
            }

            @Override
            public Paint getItemOutlinePaint(int row, int column) {
                return colour(data.getSeriesKey(row));
            }

            @Override
            public Stroke getItemOutlineStroke(int row, int column) {
                return withheld(label(row, column)) ? DASHED : new BasicStroke(0.3f);
            }

            @Override
            public boolean isItemLabelVisible(int row, int column) {
                // months are many: only withheld ones are labelled, and a run of them once, at its first month
                String label = label(row, column);
                return withheld(label) && (column == 0 || !label.equals(label(row, column - 1)));
            }

            private String label(int row, int column) {
                return labels == null ? null : labels.generateLabel(data, row, column);
            }
        };
        for (int row = 0; row < data.getSeriesCount(); row++) {
            bars.setSeriesPaint(row, colour(data.getSeriesKey(row)));
        }
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(true);
        if (labels != null) {
            bars.setDefaultItemLabelGenerator(labels);
            bars.setDefaultItemLabelFont(LABEL);
            bars.setDefaultPositiveItemLabelPosition(
                    new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        }
        plot.setRenderer(bars);
        for (int row = 0; row < data.getSeriesCount(); row++) {
            for (int item = 0; item < data.getItemCount(row); item++) {
                // a bar of no height is not drawn, nor is its label: a value withheld at zero is written on the axis
                if (labels != null
                        && bars.isItemLabelVisible(row, item)
                        && Suppression.WITHHELD_SHOWN_AS.equals(labels.generateLabel(data, row, item))) {
                    XYTextAnnotation mark =
                            new XYTextAnnotation(Suppression.WITHHELD_SHOWN_AS, data.getXValue(row, item), 0);
                    mark.setFont(LABEL);
                    mark.setTextAnchor(TextAnchor.BOTTOM_CENTER);
                    plot.addAnnotation(mark);
                }
                double value = data.getYValue(row, item);
                most = Double.isNaN(value) ? most : Math.max(most, value);
            }
        }
        valueAxis(plot.getRangeAxis(), percent, most);
        if (plot.getDomainAxis() instanceof DateAxis months) {
            months.setTickLabelFont(TICK);
            months.setLowerMargin(0.01);
            months.setUpperMargin(0.01);
        }
    }

    /** From zero; whole numbers for counts, with room above the tallest bar for its label; 0-100% for rates. */
    private static void valueAxis(ValueAxis axis, boolean percent, double most) {
        axis.setTickLabelFont(TICK);
        axis.setLabelFont(TICK);
        if (!(axis instanceof NumberAxis numbers)) {
            return;
        }
        numbers.setNumberFormatOverride(null);
        numbers.setAutoRange(false);
        if (percent) {
            numbers.setRange(new Range(0, 112));
            numbers.setTickUnit(new NumberTickUnit(25, new DecimalFormat("0'%'")));
            return;
        }
        TickUnitSource whole = NumberAxis.createIntegerTickUnits();
        numbers.setStandardTickUnits(whole);
        numbers.setRange(new Range(0, Math.max(ChartPoint.SMALL_NUMBER_DRAWN_AT + 1, Math.ceil(most * 1.18))));
        numbers.setAutoTickUnitSelection(true);
    }

    private static boolean withheld(String label) {
        return Suppression.SMALL_NUMBER_SHOWN_AS.equals(label) || Suppression.WITHHELD_SHOWN_AS.equals(label);
    }

    private static Color colour(Comparable<?> series) {
        return COLOURS.getOrDefault(String.valueOf(series), DEFAULT_COLOUR);
    }

    private static Color pale(Color colour) {
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 70);
    }
}
