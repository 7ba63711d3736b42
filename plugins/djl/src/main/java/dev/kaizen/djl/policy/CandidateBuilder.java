package dev.kaizen.djl.policy;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.djl.text.SpanQuery;
import dev.kaizen.djl.text.SpanQueryGenerator;
import dev.kaizen.djl.text.TextProfile;
import dev.kaizen.djl.text.TextProfiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The candidate actions of a context: the observation's concrete actions in display order, then
 * each free-text template filled with every span query of the instruction. An action given from
 * outside (an expert's query the generator missed) is appended when it is not already there.
 * Thread-safe.
 */
final class CandidateBuilder {

    private final SpanQueryGenerator generator;
    private final TextProfiles profiles;
    private final Map<String, List<SpanQuery>> queries = new java.util.concurrent.ConcurrentHashMap<>();

    CandidateBuilder(SpanQueryGenerator generator, TextProfiles profiles) {
        this.generator = generator;
        this.profiles = profiles;
    }

    /** The span queries of an instruction (cached). */
    List<SpanQuery> queries(String instruction) {
        List<SpanQuery> list = queries.get(instruction);
        if (list == null) {
            if (queries.size() > 50_000) {
                queries.clear();
            }
            list = generator.generate(profiles.of(instruction));
            queries.put(instruction, list);
        }
        return list;
    }

    /** The candidates of {@code context}, with {@code extra} appended if given and missing. */
    List<Proposal> build(AgentContext context, Action extra) {
        Observation observation = context.observation();
        Map<Action, Proposal> out = new LinkedHashMap<>();
        if (!observation.done()) {
            List<Action> actions = observation.actions();
            for (int i = 0; i < actions.size(); i++) {
                out.putIfAbsent(actions.get(i), new Proposal(actions.get(i), i, null, null));
            }
            List<String> templates = observation.templates();
            if (!templates.isEmpty()) {
                List<SpanQuery> spans = queries(context.task().instruction());
                for (String template : templates) {
                    for (SpanQuery query : spans) {
                        Action action = new Action(template.replace("{}", query.text()));
                        out.putIfAbsent(action, new Proposal(action, -1, template, query));
                    }
                }
            }
        }
        if (extra != null && !out.containsKey(extra)) {
            out.put(extra, new Proposal(extra, -1, templateOf(observation, extra), null));
        }
        return new ArrayList<>(out.values());
    }

    private static String templateOf(Observation observation, Action action) {
        String text = action.text();
        for (String template : observation.templates()) {
            int at = template.indexOf("{}");
            String prefix = template.substring(0, at);
            String suffix = template.substring(at + 2);
            if (text.length() > prefix.length() + suffix.length() && text.startsWith(prefix) && text.endsWith(suffix)) {
                return template;
            }
        }
        return null;
    }

    /** The filler of a fill action: the text in place of the template's placeholder. */
    static String filler(String template, Action action) {
        int at = template.indexOf("{}");
        String text = action.text();
        return text.substring(at, text.length() - (template.length() - at - 2));
    }

    /** The profile of a text (shared cache). */
    TextProfile profile(String text) {
        return profiles.of(text);
    }
}
