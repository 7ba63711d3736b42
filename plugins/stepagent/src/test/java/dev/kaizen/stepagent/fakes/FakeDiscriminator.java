package dev.kaizen.stepagent.fakes;

import dev.kaizen.api.reward.RewardFitData;
import dev.kaizen.api.reward.RewardModel;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A lookup-table discriminator: after {@link #fit}, a step whose (observation, action) was the
 * expert's in some pair gets reward 1, one that was the agent's gets −1, any other
 * {@code unknownReward}.
 */
public final class FakeDiscriminator implements RewardModel {

    private final double unknownReward;
    private final Recorder recorder;
    private final Map<String, Double> table = new HashMap<>();

    public FakeDiscriminator(double unknownReward, Recorder recorder) {
        this.unknownReward = unknownReward;
        this.recorder = recorder;
    }

    /** The reward this model gives {@code step}. */
    public static double rewardOf(Map<String, Double> table, double unknownReward, Step step) {
        return table.getOrDefault(key(step), unknownReward);
    }

    private static String key(Step step) {
        return step.observation().text() + "\u0000" + step.action().text();
    }

    /** The table a fit on {@code pairs} builds. */
    public static Map<String, Double> tableOf(List<PreferencePair> pairs) {
        Map<String, Double> table = new HashMap<>();
        for (PreferencePair pair : pairs) {
            table.put(key(pair.rejected().get(0)), -1.0);
        }
        for (PreferencePair pair : pairs) {
            table.put(key(pair.chosen().get(0)), 1.0);
        }
        return table;
    }

    @Override
    public boolean learns() {
        return true;
    }

    @Override
    public Map<String, Double> fit(RewardFitData data) {
        recorder.fits.add(data);
        table.clear();
        table.putAll(tableOf(data.pairs()));
        return Map.of("accuracy", 1.0, "pairs", (double) data.pairs().size());
    }

    @Override
    public List<double[]> stepRewards(List<Trajectory> trajectories) {
        List<double[]> out = new ArrayList<>();
        for (Trajectory trajectory : trajectories) {
            double[] rewards = new double[trajectory.length()];
            for (int t = 0; t < rewards.length; t++) {
                rewards[t] = rewardOf(table, unknownReward, trajectory.steps().get(t));
            }
            out.add(rewards);
        }
        return out;
    }
}
