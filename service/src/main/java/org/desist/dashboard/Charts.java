package org.desist.dashboard;

import java.awt.Color;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.desist.cohortreport.ChartDescription;
import org.desist.cohortreport.ChartPoint;
import org.desist.cohortreport.ChartStyle;
import org.desist.cohortreport.FigureRow;
import org.desist.cohortreport.ReportingPeriod;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.labels.XYItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Month;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * Draws the dashboard's charts from a report's or a comparison's rows, each with its table and its definition. A
 * point is a {@link ChartPoint}, as in the PDFs: a small number is a bar up to 4 labelled "&lt;5", another withheld
 * value "[c]" at zero; {@link ChartStyle} styles both the same way. A series whose figure has no rows is left out, and
 * a chart with none is not drawn.
 */
public final class Charts {
    private static final Color GRID = new Color(0xB1B4B6);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);

    /** What a chart draws: a figure's total (breakdown null) or one category of its breakdown. */
    public record Series(String name, String figure, String breakdown) {}

    /** Where a bar stands: a site (its code is the rows' group) or the cohort. */
    public record Category(String label, String group) {}

    private final FigureRows rows;
    private final Definitions definitions;

    public Charts(FigureRows rows, Definitions definitions) {
        this.rows = rows;
        this.definitions = definitions;
    }

    /** Bars per category, a bar per series, over the whole period. */
    public Optional<Chart> bars(
            String id, String title, boolean percent, List<Series> series, List<Category> categories) {
        List<Series> drawn = series.stream().filter(s -> rows.has(s.figure())).toList();
        if (drawn.isEmpty() || categories.isEmpty()) {
            return Optional.empty();
        }
        List<ChartPoint> points = new ArrayList<>();
        List<Chart.Line> lines = new ArrayList<>();
        for (Category category : categories) {
            List<Chart.Cell> cells = new ArrayList<>();
            for (Series one : drawn) {
                FigureRow row = rows.whole(one.figure(), one.breakdown(), category.group())
                        .orElse(null);
                points.add(ChartPoint.of(one.name(), category.label(), row));
                cells.add(cell(one, row));
            }
            lines.add(new Chart.Line(category.label(), category.group(), cells));
        }
        return Optional.of(
                chart(id, title, percent, drawn, lines, categoryChart(points, drawn.size() > 1), points, null));
    }

    /** Bars by month for one group; {@code level}, if any, drawn across the chart (the target). */
    public Optional<Chart> months(
            String id,
            String title,
            boolean percent,
            List<Series> series,
            String group,
            ReportingPeriod period,
            Series level) {
        List<Series> drawn = series.stream().filter(s -> rows.has(s.figure())).toList();
        List<YearMonth> months = period.months();
        if (drawn.isEmpty() || months.size() < 2) {
            return Optional.empty();
        }
        FigureRow levelRow =
                level == null ? null : rows.whole(level.figure(), null, group).orElse(null);
        List<ChartPoint> points = new ArrayList<>();
        List<Chart.Line> lines = new ArrayList<>();
        for (YearMonth month : months) {
            ReportingPeriod part = period.within(month);
            List<Chart.Cell> cells = new ArrayList<>();
            for (Series one : drawn) {
                FigureRow row = rows.over(one.figure(), one.breakdown(), group, part.from(), part.to())
                        .orElse(null);
                points.add(
                        level == null
                                ? ChartPoint.of(one.name(), MONTH.format(month), row)
                                : ChartPoint.monthly(one.name(), month, row));
                cells.add(cell(one, row));
            }
            if (level != null) {
                cells.add(cell(level, levelRow));
            }
            lines.add(new Chart.Line(MONTH.format(month), group, cells));
        }
        List<Series> columns = new ArrayList<>(drawn);
        if (level != null) {
            columns.add(level);
        }
        JFreeChart chart = level == null
                ? categoryChart(points, drawn.size() > 1)
                : timeChart(points, level.name(), months, levelRow);
        String levelWords = level == null ? null : level.name() + " " + Shown.of(levelRow);
        return Optional.of(chart(id, title, percent, columns, lines, chart, points, levelWords));
    }

    private Chart chart(
            String id,
            String title,
            boolean percent,
            List<Series> columns,
            List<Chart.Line> lines,
            JFreeChart chart,
            List<ChartPoint> points,
            String levelWords) {
        // white as the page, as the PDFs' paper, with pale grid lines
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        if (chart.getPlot() instanceof CategoryPlot plot) {
            plot.setRangeGridlinePaint(GRID);
        } else if (chart.getPlot() instanceof XYPlot plot) {
            plot.setRangeGridlinePaint(GRID);
            plot.setDomainGridlinePaint(GRID);
        }
        ChartStyle.style(
                chart,
                percent,
                columns.size() > 0 && levelWords != null
                        ? columns.get(columns.size() - 1).name()
                        : null);
        String description = ChartDescription.of(title, percent ? "%" : "", points)
                + (levelWords == null ? "" : " " + capital(levelWords) + ".");
        return new Chart(
                id,
                title,
                SvgChart.of(chart, id, title, description),
                definitions.of(columns.get(0).figure()).orElse(null),
                new Chart.Table(columns.stream().map(Series::name).toList(), lines));
    }

    private static Chart.Cell cell(Series series, FigureRow row) {
        return new Chart.Cell(
                series.figure(),
                series.breakdown(),
                row == null ? null : row.periodStart().toString(),
                row == null ? null : row.periodEnd().toString(),
                Shown.of(row));
    }

    private static JFreeChart categoryChart(List<ChartPoint> points, boolean legend) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Map<List<String>, String> labels = new HashMap<>();
        for (ChartPoint point : points) {
            data.addValue(point.getValue(), point.getSeries(), point.getCategory());
            labels.put(List.of(point.getSeries(), point.getCategory()), point.getLabel());
        }
        JFreeChart chart =
                ChartFactory.createBarChart(null, null, null, data, PlotOrientation.VERTICAL, legend, false, false);
        chart.getCategoryPlot().getRenderer().setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(CategoryDataset dataset, int row, int column) {
                return labels.get(
                        List.of(String.valueOf(dataset.getRowKey(row)), String.valueOf(dataset.getColumnKey(column))));
            }
        });
        return chart;
    }

    /** Bars by month with the level as a series of its own, which {@link ChartStyle} draws as a marked line. */
    private static JFreeChart timeChart(
            List<ChartPoint> points, String level, List<YearMonth> months, FigureRow levelRow) {
        TimeSeriesCollection data = new TimeSeriesCollection();
        Map<String, List<String>> labels = new HashMap<>();
        Map<String, TimeSeries> bySeries = new HashMap<>();
        for (ChartPoint point : points) {
            TimeSeries series = bySeries.computeIfAbsent(point.getSeries(), name -> {
                TimeSeries created = new TimeSeries(name);
                data.addSeries(created);
                return created;
            });
            YearMonth month = YearMonth.parse(point.getCategory());
            series.add(new Month(month.getMonthValue(), month.getYear()), point.getValue());
            labels.computeIfAbsent(point.getSeries(), name -> new ArrayList<>()).add(point.getLabel());
        }
        if (levelRow != null && levelRow.value() instanceof Number target) {
            TimeSeries drawnAcross = new TimeSeries(level);
            YearMonth first = months.get(0);
            drawnAcross.add(new Month(first.getMonthValue(), first.getYear()), target.doubleValue());
            data.addSeries(drawnAcross);
        }
        JFreeChart chart = ChartFactory.createXYBarChart(
                null, null, true, null, data, PlotOrientation.VERTICAL, false, false, false);
        XYItemLabelGenerator generator = (dataset, series, item) -> {
            List<String> ofSeries = labels.get(String.valueOf(dataset.getSeriesKey(series)));
            return ofSeries == null || item >= ofSeries.size() ? null : ofSeries.get(item);
        };
        chart.getXYPlot().getRenderer().setDefaultItemLabelGenerator(generator);
        return chart;
    }

    private static String capital(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
