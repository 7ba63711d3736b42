package dev.kaizen.api.testing;

import dev.kaizen.api.Seeds;
import dev.kaizen.api.env.Episode;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.policy.Decision;
import dev.kaizen.api.rollout.RolloutRequest;
import dev.kaizen.api.rollout.Rollouts;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain lockstep rollout engine for tests: all episodes step together, one {@code decide} per
 * step, an exception fails only its episode. The host's engine adds progress, parallel stepping
 * and batching limits.
 */
public final class SimpleRollouts implements Rollouts {

    private static final int SAFETY_STEPS = 1000;

    @Override
    public List<Trajectory> run(RolloutRequest request) {
        int n = request.tasks().size();
        Episode[] episodes = new Episode[n];
        List<List<Step>> steps = new ArrayList<>();
        Trajectory[] done = new Trajectory[n];
        double[] returns = new double[n];
        for (int i = 0; i < n; i++) {
            steps.add(new ArrayList<>());
            try {
                episodes[i] = request.environment().reset(request.tasks().get(i),
                        Seeds.derive(request.sampling().seed(), i));
            } catch (RuntimeException e) {
                done[i] = Trajectory.failed(request.tasks().get(i), List.of(), request.source(), e.toString());
            }
        }
        for (int t = 0; t < SAFETY_STEPS; t++) {
            List<Integer> active = new ArrayList<>();
            List<AgentContext> contexts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (done[i] == null) {
                    active.add(i);
                    contexts.add(new AgentContext(request.tasks().get(i), steps.get(i),
                            episodes[i].observation(), List.of()));
                }
            }
            if (active.isEmpty()) {
                break;
            }
            List<Decision> decisions = request.policy().decide(contexts, request.sampling());
            for (int k = 0; k < active.size(); k++) {
                int i = active.get(k);
                Decision decision = decisions.get(k);
                if (decision.isEmpty()) {
                    done[i] = Trajectory.failed(request.tasks().get(i), steps.get(i), request.source(),
                            "the policy proposed no action");
                    continue;
                }
                try {
                    Observation before = episodes[i].observation();
                    Observation after = episodes[i].step(decision.action());
                    steps.get(i).add(new Step(before, decision.action(), after.reward()));
                    returns[i] += after.reward();
                    if (after.done()) {
                        done[i] = Trajectory.of(request.tasks().get(i), steps.get(i), returns[i], request.source());
                    }
                } catch (RuntimeException e) {
                    done[i] = Trajectory.failed(request.tasks().get(i), steps.get(i), request.source(), e.toString());
                }
            }
        }
        List<Trajectory> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (episodes[i] != null) {
                episodes[i].close();
            }
            out.add(done[i] != null ? done[i] : Trajectory.failed(request.tasks().get(i), steps.get(i),
                    request.source(), "no end after " + SAFETY_STEPS + " steps"));
        }
        return out;
    }
}
