package escapelab.view;

import escapelab.bench.BenchResult;
import escapelab.bench.BenchRun;
import escapelab.bench.Profile;
import escapelab.evidence.Evidence;
import escapelab.measure.Series;
import escapelab.notebook.Mistake;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Charts of benchmark runs, drawn with XChart. */
public final class Charts {

    private static final int WIDTH = 560;
    private static final int HEIGHT = 380;
    /** Axis numbers with thousands separators (48,000,000, not 4.8E7), and small ones kept. */
    private static final String AXIS_NUMBERS = "#,##0.###";

    private Charts() {
    }

    /**
     * Time per operation with error bars beside bytes per operation, one bar per benchmark and
     * variant.
     */
    public static Figure of(BenchRun run) {
        required(run, "chart(firstEscape)");
        return new Figure(Evidence.fileName(run.name()), run.name() + ": " + run.results().get(0).unit() + " and B/op",
                sideBySide(bars(run).toArray(Chart[]::new)));
    }

    private static void required(Object result, String example) {
        if (result == null) {
            throw new Mistake("pass a result, e.g. " + example + "; this one is null (did its cell run?)");
        }
    }

    /** The two bar charts of {@link #of(BenchRun)}: time, then bytes. */
    static List<CategoryChart> bars(BenchRun run) {
        List<String> labels = new ArrayList<>(new LinkedHashSet<>(run.results().stream().map(BenchResult::label).toList()));
        String unit = run.results().get(0).unit();
        // Quick runs get times right only roughly; the title says so where the numbers are read.
        CategoryChart time = bars(run.profile() == Profile.QUICK
                ? "Time per operation (quick profile: indicative only)" : "Time per operation", unit);
        CategoryChart bytes = bars("Allocation per operation", "B/op");
        for (String variant : run.variants()) {
            List<Double> scores = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            List<Double> allocated = new ArrayList<>();
            for (String label : labels) {
                BenchResult r = find(run, label, variant);
                scores.add(r == null ? 0 : r.score());
                errors.add(r == null || Double.isNaN(r.error()) ? 0 : r.error());
                allocated.add(r == null ? 0 : r.bytesPerOp());
            }
            time.addSeries(variant, labels, scores, errors);
            // A time is never negative: an interval of a quick run wider than its score ends at 0.
            for (int i = 0; i < scores.size(); i++) {
                if (scores.get(i) - errors.get(i) < 0) {
                    time.getStyler().setYAxisMin(0.0);
                }
            }
            bytes.addSeries(variant, labels, allocated);
        }
        return List.of(legendIfSeveral(time), legendIfSeveral(bytes));
    }

    /**
     * Bytes per operation (left) and time per operation (right) against a numeric
     * {@code @Param}, one line per benchmark and variant: the shape of a cost as inputs grow.
     *
     * @throws Mistake if the run has no such parameter or a value is not a number
     */
    public static Figure by(BenchRun run, String param) {
        required(run, "chartBy(run, \"size\")");
        if (run.results().stream().noneMatch(r -> r.params().containsKey(param))) {
            throw new Mistake("run " + run.name() + " has no @Param " + param + "; its parameters are "
                    + run.results().stream().flatMap(r -> r.params().keySet().stream()).distinct().toList());
        }
        XYChart bytes = lines("Allocation per operation", param, "B/op");
        XYChart time = lines("Time per operation", param, run.results().get(0).unit());
        Map<String, List<BenchResult>> series = new LinkedHashMap<>();
        for (BenchResult r : run.results()) {
            String key = run.variants().size() > 1 ? r.method() + " [" + r.variant() + "]" : r.method();
            series.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        series.forEach((key, results) -> {
            double[] x = new double[results.size()];
            double[] b = new double[results.size()];
            double[] t = new double[results.size()];
            for (int i = 0; i < results.size(); i++) {
                String value = results.get(i).params().get(param);
                try {
                    x[i] = Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    throw new Mistake("@Param " + param + " value '" + value + "' is not a number");
                }
                b[i] = results.get(i).bytesPerOp();
                t[i] = results.get(i).score();
            }
            bytes.addSeries(key, x, b);
            time.addSeries(key, x, t);
        });
        return new Figure(Evidence.fileName(run.name() + "-by-" + param), run.name() + ": B/op and time by " + param,
                sideBySide(legendIfSeveral(bytes), legendIfSeveral(time)));
    }

    /** A series of measurements that are not JMH runs: one line per series, y against x. */
    public static Figure of(Series series) {
        required(series, "chart(heap)");
        XYChart chart = lines(series.name(), series.xLabel(), series.yUnit());
        for (String name : series.seriesNames()) {
            List<Series.Point> points = series.of(name);
            chart.addSeries(name, points.stream().mapToDouble(Series.Point::x).toArray(),
                    points.stream().mapToDouble(Series.Point::y).toArray());
        }
        return new Figure(Evidence.fileName(series.name()), series.name() + ": " + series.yUnit() + " by " + series.xLabel(),
                sideBySide(legendIfSeveral(chart)));
    }

    /** Draws charts next to each other on one white image. */
    static BufferedImage sideBySide(Chart<?, ?>... charts) {
        BufferedImage image = new BufferedImage(WIDTH * charts.length, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int i = 0; i < charts.length; i++) {
            g.drawImage(BitmapEncoder.getBufferedImage(charts[i]), i * WIDTH, 0, null);
        }
        g.dispose();
        return image;
    }

    /** A legend that would only say "default" (one variant, one series) is left out. */
    static <C extends Chart<?, ?>> C legendIfSeveral(C chart) {
        chart.getStyler().setLegendVisible(chart.getSeriesMap().size() > 1);
        return chart;
    }

    private static CategoryChart bars(String title, String yTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setXAxisLabelRotation(20);
        chart.getStyler().setYAxisDecimalPattern(AXIS_NUMBERS);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        return chart;
    }

    private static XYChart lines(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setYAxisDecimalPattern(AXIS_NUMBERS);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        return chart;
    }

    private static BenchResult find(BenchRun run, String label, String variant) {
        for (BenchResult r : run.results()) {
            if (r.label().equals(label) && r.variant().equals(variant)) {
                return r;
            }
        }
        return null;
    }
}
