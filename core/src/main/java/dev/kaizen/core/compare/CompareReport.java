package dev.kaizen.core.compare;

import dev.kaizen.core.run.RunDirectory;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes {@code compare.html} and its charts ({@code charts/*.png}, drawn with XChart): for each
 * evaluation key, each group's mean success with its 95% t-interval as error bars, and the success
 * of every seed as a line from the baseline through the other groups. Stateless.
 */
public final class CompareReport {

    private static final Color[] COLORS = {new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44),
        new Color(255, 127, 14), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194),
        new Color(127, 127, 127)};

    private CompareReport() {
    }

    /** Writes the report of {@code comparison} into {@code directory}, replacing an earlier one. */
    public static void write(Comparison comparison, Path directory) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        Path charts = Files.createDirectories(directory.resolve("charts"));
        List<String[]> figures = new ArrayList<>(); // file, caption
        int index = 0;
        for (EvaluationKey key : comparison.keys()) {
            index++;
            String name = String.format(Locale.ROOT, "%02d-%s", index,
                    (key.stage() + "-" + key.split() + "-" + key.search()).replaceAll("[^A-Za-z0-9._-]", "_"));
            List<GroupRow> rows = comparison.rows(key);
            save(meanChart(key, rows), charts.resolve("success-" + name + ".png"));
            figures.add(new String[] {"success-" + name + ".png", "Mean success over seeds, " + key
                    + "; bars: 95% t-interval over seeds"});
            if (rows.size() > 1) {
                save(seedChart(key, ordered(rows, comparison.baseline())), charts.resolve("seeds-" + name + ".png"));
                figures.add(new String[] {"seeds-" + name + ".png", "Success of each seed, " + key
                        + ", from the baseline " + comparison.baseline() + " to each group"});
            }
        }
        RunDirectory.writeAtomically(directory.resolve("compare.html"), html(comparison, figures));
    }

    private static List<GroupRow> ordered(List<GroupRow> rows, String baseline) {
        List<GroupRow> out = new ArrayList<>(rows.stream().filter(r -> r.group().equals(baseline)).toList());
        rows.stream().filter(r -> !r.group().equals(baseline)).forEach(out::add);
        return out;
    }

    private static CategoryChart meanChart(EvaluationKey key, List<GroupRow> rows) {
        CategoryChart chart = chart("Mean success: " + key);
        List<String> groups = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        List<Double> bars = new ArrayList<>();
        double low = 0;
        double high = 1;
        for (GroupRow row : rows) {
            MeanEstimate success = row.success();
            groups.add(row.group());
            means.add(success.mean());
            bars.add(success.hasInterval() ? success.high() - success.mean() : 0.0);
            low = Math.min(low, success.hasInterval() ? success.low() : success.mean());
            high = Math.max(high, success.hasInterval() ? success.high() : success.mean());
        }
        chart.getStyler().setYAxisMin(low).setYAxisMax(high);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setLegendVisible(false);
        CategorySeries series = chart.addSeries("mean success", groups, means, bars);
        series.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(COLORS[0]);
        series.setLineColor(COLORS[0]);
        return chart;
    }

    private static CategoryChart seedChart(EvaluationKey key, List<GroupRow> rows) {
        CategoryChart chart = chart("Success by seed: " + key);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        chart.getStyler().setOverlapped(true);
        List<String> groups = rows.stream().map(GroupRow::group).toList();
        SortedSet<Long> seeds = new TreeSet<>();
        rows.forEach(r -> seeds.addAll(r.perSeed().keySet()));
        int color = 0;
        for (Long seed : seeds) {
            List<Double> success = new ArrayList<>();
            for (GroupRow row : rows) {
                success.add(row.perSeed().get(seed)); // null: the seed did not run in this group, a gap
            }
            Color c = COLORS[color++ % COLORS.length];
            CategorySeries line = chart.addSeries("seed " + seed, groups, success);
            line.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
            line.setLineColor(c);
            line.setMarkerColor(c);
            line.setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    private static CategoryChart chart(String title) {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(500).title(title).xAxisTitle("group")
                .yAxisTitle("success rate").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(230, 230, 230));
        chart.getStyler().setAntiAlias(true);
        return chart;
    }

    private static void save(CategoryChart chart, Path file) throws IOException {
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static String html(Comparison comparison, List<String[]> figures) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Comparison</title>\n"
                + "<style>body{font-family:sans-serif;margin:2em;max-width:1200px}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}"
                + "th{background:#f4f4f4}td:nth-child(-n+4){text-align:left}</style></head><body>\n");
        out.append("<h1>Comparison</h1>\n<p>").append(escape(CompareTable.heading(comparison))).append("</p>\n<table><tr>");
        CompareTable.HEADER.forEach(name -> out.append("<th>").append(escape(name)).append("</th>"));
        out.append("</tr>\n");
        for (GroupRow row : comparison.rows()) {
            out.append("<tr>");
            CompareTable.cells(row).forEach(cell -> out.append("<td>").append(escape(cell)).append("</td>"));
            out.append("</tr>\n");
        }
        out.append("</table>\n");
        if (CompareTable.approximate(comparison.rows())) {
            out.append("<p>").append(escape(CompareTable.APPROXIMATE)).append("</p>\n");
        }
        for (String[] figure : figures) {
            out.append("<figure><img src=\"charts/").append(escape(figure[0])).append("\" alt=\"")
                    .append(escape(figure[1])).append("\" width=\"900\"><figcaption>").append(escape(figure[1]))
                    .append("</figcaption></figure>\n");
        }
        if (!comparison.warnings().isEmpty()) {
            out.append("<h2>Warnings</h2>\n<ul>\n");
            comparison.warnings().forEach(w -> out.append("<li>").append(escape(w)).append("</li>\n"));
            out.append("</ul>\n");
        }
        out.append("<h2>Runs</h2>\n<table><tr><th>group</th><th>seed</th><th>run directory</th></tr>\n");
        for (RunRecord run : comparison.runs()) {
            out.append("<tr><td>").append(escape(run.group())).append("</td><td>").append(run.seed())
                    .append("</td><td>").append(escape(run.path().toString())).append("</td></tr>\n");
        }
        out.append("</table>\n</body></html>\n");
        return out.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
