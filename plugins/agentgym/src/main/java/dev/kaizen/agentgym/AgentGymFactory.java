package dev.kaizen.agentgym;

import dev.kaizen.agentgym.profile.ActionMode;
import dev.kaizen.agentgym.profile.Profile;
import dev.kaizen.agentgym.profile.Profiles;
import dev.kaizen.api.ComponentContext;
import dev.kaizen.api.Requirement;
import dev.kaizen.api.env.Environment;
import dev.kaizen.api.env.EnvironmentFactory;
import java.util.List;
import org.pf4j.Extension;

/**
 * Registers {@link AgentGymEnvironment}. An environment that offers free-text actions needs a policy
 * that writes them ({@link Requirement#FREE_TEXT}): a policy that picks among listed actions is refused
 * at start, with the profiles and action mode that would give it a list.
 */
@Extension
public final class AgentGymFactory implements EnvironmentFactory<AgentGymConfig> {

    @Override
    public String name() {
        return "agentgym";
    }

    @Override
    public Class<AgentGymConfig> configType() {
        return AgentGymConfig.class;
    }

    @Override
    public Environment create(AgentGymConfig config, ComponentContext context) {
        return new AgentGymEnvironment(config, context.metrics(), context::notice);
    }

    @Override
    public List<Requirement> requirements(AgentGymConfig config) {
        if (!config.actionMode().freeText()) {
            return List.of();
        }
        Profile profile = config.resolvedProfile();
        String instead = profile.actions() != null
                ? "a policy that picks among listed actions needs environment.actionMode: list"
                : "profile " + profile.name() + " lists no valid actions; profiles that do (with actionMode: list): "
                        + listingProfiles();
        return List.of(Requirement.policy(Requirement.FREE_TEXT, "profile " + profile.name() + " in actionMode "
                + config.actionMode() + " offers free-text actions " + profile.freeText()
                + " that the policy must write itself; " + instead));
    }

    /** The built-in profiles that can offer a list of valid actions. */
    static List<String> listingProfiles() {
        return Profiles.BUILT_IN.stream().filter(name -> {
            try {
                Profile profile = Profiles.builtIn(name);
                profile.check(ActionMode.LIST, "actionMode");
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }).toList();
    }

    @Override
    public String description() {
        return "tasks served over HTTP by AgentGym environment servers (profiles: " + String.join(", ", Profiles.BUILT_IN)
                + ")";
    }
}
