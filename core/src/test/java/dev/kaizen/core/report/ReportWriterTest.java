package dev.kaizen.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.core.run.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @TempDir
    Path dir;

    @Test
    void drawsEvaluationsAndEveryNumericMetric() throws Exception {
        RunDirectory run = RunDirectory.createNew(dir.resolve("run"));
        StringBuilder metrics = new StringBuilder();
        String[] stages = {"baseline", "iter-1", "final"};
        for (int s = 0; s < stages.length; s++) {
            for (String split : new String[] {"seen", "unseen"}) {
                double rate = 0.2 + 0.2 * s + (split.equals("seen") ? 0.1 : 0);
                metrics.append(String.format(java.util.Locale.ROOT, "{\"event\":\"evaluation\",\"time\":\"t\",\"stage\":\"%s\","
                                + "\"split\":\"%s\",\"search\":\"greedy\",\"episodes\":100,\"successRate\":%.2f,"
                                + "\"meanReward\":%.2f,\"successCi95\":[%.2f,%.2f]}%n", stages[s], split, rate, rate + 0.1,
                        rate - 0.05, rate + 0.05));
            }
        }
        for (int epoch = 1; epoch <= 5; epoch++) {
            metrics.append("{\"event\":\"dpo-epoch\",\"label\":\"iter-1/dpo\",\"epoch\":").append(epoch)
                    .append(",\"loss\":").append(1.0 / epoch).append(",\"pairs\":40}\n");
        }
        metrics.append("{\"event\":\"dpo-epoch\",\"label\":\"iter-1/dpo\",\"loss\":\"NaN\"}\n");
        for (int epoch = 1; epoch <= 3; epoch++) {
            // the method's copy of the optimiser's epochs, and stage timings
            metrics.append("{\"event\":\"train-epoch\",\"epoch\":").append(epoch).append(",\"loss\":")
                    .append(2.0 / epoch).append("}\n");
            metrics.append("{\"event\":\"stage\",\"index\":").append(epoch).append(",\"seconds\":")
                    .append(6.880219943 * epoch).append("}\n");
        }
        metrics.append("{\"event\":\"torn\",\"loss\":");
        Files.writeString(run.metrics(), metrics);
        Files.writeString(run.recipe(), "name: <x>\n");
        Files.writeString(run.summary(), "{\"recipe\":\"x\",\"status\":\"completed\",\"stages\":[{\"stage\":\"final\","
                + "\"seconds\":2.24,\"episodes\":1000,\"errors\":{\"policy\":1,\"environment\":2,\"other\":0}}]}");

        new ReportWriter(new ObjectMapper()).write(run);

        assertThat(run.reportAssets().resolve("success-rate.png")).exists();
        assertThat(run.reportAssets().resolve("mean-reward.png")).exists();
        assertThat(run.reportAssets().resolve("dpo-epoch-loss.png")).exists();
        assertThat(run.reportAssets().resolve("dpo-epoch-pairs.png")).as("constant fields are not drawn").doesNotExist();
        assertThat(run.reportAssets().resolve("train-epoch-loss.png")).as("drawn once, as dpo-epoch").doesNotExist();
        assertThat(run.reportAssets().resolve("stage-seconds.png")).as("stage times are a table").doesNotExist();
        assertThat(ImageIO.read(run.reportAssets().resolve("success-rate.png").toFile()).getWidth()).isEqualTo(900);
        String html = Files.readString(run.report());
        assertThat(html).contains("<img src=\"report/success-rate.png\"", "<img src=\"report/dpo-epoch-loss.png\"",
                "<td>iter-1</td><td>unseen</td><td>greedy</td><td>100</td><td>0.400</td><td>[0.350, 0.450]</td>",
                "<h2>Stages</h2>", "<tr><td>final</td><td>2.2</td><td>1000</td><td>3</td></tr>",
                "name: &lt;x&gt;");
    }

    @Test
    void anEmptyRunStillGetsAReport() throws Exception {
        RunDirectory run = RunDirectory.createNew(dir.resolve("empty"));
        new ReportWriter(new ObjectMapper()).write(run);
        assertThat(Files.readString(run.report())).contains("<h1>empty</h1>").doesNotContain("<img");
    }
}
