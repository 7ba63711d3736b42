package dev.kaizen.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.core.run.RunDirectory;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes a run's {@code report.html} and its charts ({@code report/*.png}) from
 * {@code metrics.jsonl}: success rate with its 95% interval and mean reward per stage, for each
 * split and search; and a chart for every numeric field of every other metric event (training
 * losses from {@code train-epoch} or an optimiser's own {@code *-epoch} events, and so on), one
 * series per {@code label} when events carry one. Stateless.
 */
public final class ReportWriter {

    private static final int MAX_CHARTS = 40;
    private static final Set<String> SKIPPED_EVENTS = Set.of("stage", "evaluation", "run-start", "run-end", "stage-start");
    private static final String TRAIN_EPOCH = "train-epoch";
    private static final Set<String> SKIPPED_FIELDS = Set.of("index", "epoch", "iteration", "time");
    private static final Color[] COLORS = {new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44),
        new Color(255, 127, 14), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194),
        new Color(127, 127, 127)};

    private final ObjectMapper json;

    public ReportWriter(ObjectMapper json) {
        this.json = json;
    }

    /** Writes the report of {@code directory}, replacing an earlier one. */
    public void write(RunDirectory directory) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        List<JsonNode> events = readEvents(directory.metrics());
        Path assets = Files.createDirectories(directory.reportAssets());
        List<String[]> charts = new ArrayList<>(); // file, caption
        List<JsonNode> evaluations = events.stream().filter(e -> "evaluation".equals(e.path("event").asText())).toList();
        if (!evaluations.isEmpty()) {
            List<String> stages = new ArrayList<>();
            for (JsonNode e : evaluations) {
                if (!stages.contains(e.path("stage").asText())) {
                    stages.add(e.path("stage").asText());
                }
            }
            save(evaluationChart(evaluations, stages, true), assets.resolve("success-rate.png"));
            charts.add(new String[] {"success-rate.png", "Success rate per stage; bars: Wilson 95% interval"});
            save(evaluationChart(evaluations, stages, false), assets.resolve("mean-reward.png"));
            charts.add(new String[] {"mean-reward.png", "Mean episode reward per stage"});
        }
        for (Map.Entry<String, List<JsonNode>> byEvent : groupOtherEvents(events).entrySet()) {
            for (String field : numericFields(byEvent.getValue())) {
                if (charts.size() >= MAX_CHARTS) {
                    break;
                }
                XYChart chart = metricChart(byEvent.getKey(), field, byEvent.getValue());
                if (chart != null) {
                    String file = (byEvent.getKey() + "-" + field).replaceAll("[^A-Za-z0-9._-]", "_") + ".png";
                    save(chart, assets.resolve(file));
                    charts.add(new String[] {file, field + " of " + byEvent.getKey() + " events"});
                }
            }
        }
        RunDirectory.writeAtomically(directory.report(), html(directory, charts, evaluations));
    }

    private List<JsonNode> readEvents(Path metrics) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        if (!Files.isRegularFile(metrics)) {
            return events;
        }
        for (String line : Files.readAllLines(metrics, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                events.add(json.readTree(line));
            } catch (JsonProcessingException e) {
                // a torn last line of an interrupted run; the report shows what is readable
            }
        }
        return events;
    }

    private static XYChart evaluationChart(List<JsonNode> evaluations, List<String> stages, boolean success) {
        XYChart chart = new XYChartBuilder().width(900).height(500)
                .title(success ? "Success rate" : "Mean reward").xAxisTitle("stage")
                .yAxisTitle(success ? "success rate" : "mean reward").build();
        style(chart);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(x -> {
            int i = (int) Math.round(x);
            return Math.abs(x - i) < 1e-9 && i >= 0 && i < stages.size() ? stages.get(i) : "";
        });
        // a fixed axis, so that a difference of 0.01 looks like one; widened only for rewards outside [0, 1]
        double lowest = evaluations.stream().mapToDouble(e -> e.path("meanReward").asDouble()).min().orElse(0);
        double highest = evaluations.stream().mapToDouble(e -> e.path("meanReward").asDouble()).max().orElse(1);
        chart.getStyler().setYAxisMin(success ? 0.0 : Math.min(0.0, lowest))
                .setYAxisMax(success ? 1.0 : Math.max(1.0, highest)).setYAxisDecimalPattern("0.0#");
        Map<String, List<JsonNode>> series = new LinkedHashMap<>();
        for (JsonNode e : evaluations) {
            series.computeIfAbsent(e.path("split").asText() + " / " + e.path("search").asText(), k -> new ArrayList<>())
                    .add(e);
        }
        int color = 0;
        for (Map.Entry<String, List<JsonNode>> entry : series.entrySet()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<Double> low = new ArrayList<>();
            List<Double> high = new ArrayList<>();
            for (JsonNode e : entry.getValue()) {
                x.add((double) stages.indexOf(e.path("stage").asText()));
                y.add(e.path(success ? "successRate" : "meanReward").asDouble());
                low.add(e.path("successCi95").path(0).asDouble());
                high.add(e.path("successCi95").path(1).asDouble());
            }
            Color c = COLORS[color++ % COLORS.length];
            XYSeries line = chart.addSeries(entry.getKey(), x, y);
            line.setLineColor(c);
            line.setMarkerColor(c);
            line.setMarker(SeriesMarkers.CIRCLE);
            if (success) {
                BasicStroke thin = new BasicStroke(1.5f);
                for (int i = 0; i < x.size(); i++) {
                    // the Wilson interval as a vertical bar at the point
                    XYSeries bar = chart.addSeries(entry.getKey() + " ci " + i, List.of(x.get(i), x.get(i)),
                            List.of(low.get(i), high.get(i)));
                    bar.setLineColor(c);
                    bar.setLineStyle(thin);
                    bar.setMarker(SeriesMarkers.NONE);
                    bar.setShowInLegend(false);
                }
            }
        }
        return chart;
    }

    /**
     * The other events by name; {@code train-epoch} (a method's copy of its optimiser's epochs) only
     * where no optimiser recorded its own {@code *-epoch} events, so no curve is drawn twice.
     */
    private static Map<String, List<JsonNode>> groupOtherEvents(List<JsonNode> events) {
        Map<String, List<JsonNode>> out = new LinkedHashMap<>();
        for (JsonNode e : events) {
            String name = e.path("event").asText();
            if (!name.isEmpty() && !SKIPPED_EVENTS.contains(name)) {
                out.computeIfAbsent(name, k -> new ArrayList<>()).add(e);
            }
        }
        if (out.keySet().stream().anyMatch(name -> name.endsWith("-epoch") && !TRAIN_EPOCH.equals(name))) {
            out.remove(TRAIN_EPOCH);
        }
        return out;
    }

    private static List<String> numericFields(List<JsonNode> events) {
        Map<String, Double> first = new LinkedHashMap<>();
        Map<String, Boolean> varies = new LinkedHashMap<>();
        for (JsonNode e : events) {
            for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getValue().isNumber() || SKIPPED_FIELDS.contains(field.getKey())) {
                    continue;
                }
                double value = field.getValue().asDouble();
                Double earlier = first.putIfAbsent(field.getKey(), value);
                if (earlier != null && earlier != value) {
                    varies.put(field.getKey(), true);
                }
            }
        }
        return first.keySet().stream().filter(k -> varies.getOrDefault(k, false)).toList();
    }

    private static XYChart metricChart(String event, String field, List<JsonNode> events) {
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode e : events) {
            index++;
            JsonNode value = e.get(field);
            if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble())) {
                continue;
            }
            String label = e.path("label").isTextual() ? e.path("label").asText() : field;
            series.computeIfAbsent(label, k -> new ArrayList<>()).add(new double[] {index, value.asDouble()});
        }
        if (series.isEmpty()) {
            return null;
        }
        XYChart chart = new XYChartBuilder().width(900).height(450).title(event + ": " + field)
                .xAxisTitle(event + " #").yAxisTitle(field).build();
        style(chart);
        int color = 0;
        for (Map.Entry<String, List<double[]>> entry : series.entrySet()) {
            double[] x = entry.getValue().stream().mapToDouble(p -> p[0]).toArray();
            double[] y = entry.getValue().stream().mapToDouble(p -> p[1]).toArray();
            Color c = COLORS[color++ % COLORS.length];
            XYSeries line = chart.addSeries(entry.getKey(), x, y);
            line.setLineColor(c);
            line.setMarkerColor(c);
            line.setMarker(x.length > 60 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
        }
        chart.getStyler().setLegendVisible(series.size() > 1 || !series.containsKey(field));
        return chart;
    }

    private static void style(XYChart chart) {
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(230, 230, 230));
        chart.getStyler().setAntiAlias(true);
    }

    private static void save(XYChart chart, Path file) throws IOException {
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private String html(RunDirectory directory, List<String[]> charts, List<JsonNode> evaluations) throws IOException {
        StringBuilder out = new StringBuilder();
        String title = directory.path().getFileName().toString();
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
                .append("</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:1000px}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}"
                        + "th{background:#f4f4f4}td:first-child,td:nth-child(2),td:nth-child(3){text-align:left}"
                        + "pre{background:#f8f8f8;padding:1em;overflow:auto}</style></head><body>\n");
        out.append("<h1>").append(escape(title)).append("</h1>\n");
        if (Files.isRegularFile(directory.summary())) {
            JsonNode summary = json.readTree(directory.summary().toFile());
            out.append("<p>recipe <b>").append(escape(summary.path("recipe").asText())).append("</b>, method <b>")
                    .append(escape(summary.path("method").asText())).append("</b>, seed ")
                    .append(summary.path("seed").asText()).append(", status <b>")
                    .append(escape(summary.path("status").asText())).append("</b>");
            if (summary.hasNonNull("error")) {
                out.append(": ").append(escape(summary.path("error").asText()));
            }
            out.append("</p>\n");
        }
        if (!evaluations.isEmpty()) {
            out.append("<h2>Evaluations</h2>\n<table><tr><th>stage</th><th>split</th><th>search</th><th>episodes</th>"
                    + "<th>success</th><th>95% interval</th><th>mean reward</th><th>errors</th></tr>\n");
            for (JsonNode e : evaluations) {
                out.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%d</td><td>%.3f</td>"
                                + "<td>[%.3f, %.3f]</td><td>%.3f</td><td>%d</td></tr>%n", escape(e.path("stage").asText()),
                        escape(e.path("split").asText()), escape(e.path("search").asText()), e.path("episodes").asInt(),
                        e.path("successRate").asDouble(), e.path("successCi95").path(0).asDouble(),
                        e.path("successCi95").path(1).asDouble(), e.path("meanReward").asDouble(), errors(e)));
            }
            out.append("</table>\n");
        }
        stageTable(directory, out);
        if (!charts.isEmpty()) {
            out.append("<h2>Curves</h2>\n");
            for (String[] chart : charts) {
                out.append("<figure><img src=\"report/").append(escape(chart[0])).append("\" alt=\"")
                        .append(escape(chart[1])).append("\" width=\"900\"><figcaption>").append(escape(chart[1]))
                        .append("</figcaption></figure>\n");
            }
        }
        if (Files.isRegularFile(directory.recipe())) {
            out.append("<h2>Recipe</h2>\n<pre>").append(escape(Files.readString(directory.recipe(), StandardCharsets.UTF_8)))
                    .append("</pre>\n");
        }
        out.append("</body></html>\n");
        return out.toString();
    }

    /** The completed stages with their time, episodes and errors, from {@code summary.json}. */
    private void stageTable(RunDirectory directory, StringBuilder out) throws IOException {
        JsonNode stages = Files.isRegularFile(directory.summary())
                ? json.readTree(directory.summary().toFile()).path("stages") : json.missingNode();
        if (stages.isEmpty()) {
            return;
        }
        out.append("<h2>Stages</h2>\n<table><tr><th>stage</th><th>seconds</th><th>episodes</th><th>errors</th></tr>\n");
        for (JsonNode stage : stages) {
            out.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.1f</td><td>%d</td><td>%d</td></tr>%n",
                    escape(stage.path("stage").asText()), stage.path("seconds").asDouble(),
                    stage.path("episodes").asInt(), errors(stage)));
        }
        out.append("</table>\n");
    }

    private static int errors(JsonNode record) {
        JsonNode errors = record.path("errors");
        return errors.path("policy").asInt() + errors.path("environment").asInt() + errors.path("other").asInt();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
