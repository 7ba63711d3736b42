package dev.kaizen.djl.policy;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.policy.ActionValue;
import dev.kaizen.api.policy.Advice;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.djl.text.SpanQuery;
import dev.kaizen.djl.text.TextHash;
import dev.kaizen.djl.text.TextProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a context and its candidates into rows of features. Stateless apart from the shared text
 * caches; thread-safe.
 *
 * <p>Dense features per row (all roughly in [-1, 1]): how much of the candidate's words are in the
 * instruction and how much of the instruction they cover (stems, both ways), character-trigram
 * containment and coverage (fuzzy wording), whether the argument appears verbatim in the
 * instruction, price against the instruction's budget, numbers in common, how often and how
 * recently the action was taken, its display position, for span queries their spans, words and
 * coverage of the instruction's runs, each row's coverage relative to the best row, and context
 * facts broadcast to every row (step, searches so far, invalid last action, how well the page
 * matches the instruction, how many matching options remain untaken, the page's numbers and price
 * against the instruction), and the advised value of the action with its similarity.
 */
final class FeatureEncoder {

    /** The number of dense features per row. */
    static final int DENSE = 35;

    private static final int MAX_TEXT = 32;
    private static final int MAX_ROLE = 24;
    private static final int MAX_INSTRUCTION = 48;

    private final CandidateBuilder candidates;
    private final int buckets;
    private final double adviceWeight;

    FeatureEncoder(CandidateBuilder candidates, int buckets, double adviceWeight) {
        this.candidates = candidates;
        this.buckets = buckets;
        this.adviceWeight = adviceWeight;
    }

    /** Encodes {@code context}; {@code extra} (nullable) is added to the candidates if missing. */
    EncodedContext encode(AgentContext context, Action extra) {
        List<Proposal> proposals = candidates.build(context, extra);
        TextProfile instruction = candidates.profile(context.task().instruction());
        Observation observation = context.observation();
        TextProfile page = candidates.profile(withoutInstruction(observation.text(), context.task().instruction()));
        History history = new History(context.history(), observation);
        int n = proposals.size();
        int[][] textIds = new int[n][];
        int[][] roleIds = new int[n][];
        float[] dense = new float[n * DENSE];
        float[] bias = new float[n];
        long[] instructionStems = instruction.stems();
        int[] instructionTrigrams = instruction.trigrams();
        double budget = instruction.budget();
        int runs = dev.kaizen.djl.text.SpanQueryGenerator.runs(instruction).size();
        int concrete = 0;
        for (Proposal p : proposals) {
            if (!p.isFill()) {
                concrete++;
            }
        }
        Map<String, double[]> advice = adviceByAction(context.advice());
        String pageType = observation.info().getOrDefault("page", "");
        List<String> contextRoles = contextRoles(observation, history);
        double coverageMax = 0;
        double trigramMax = 0;
        int untakenMatches = 0;
        for (int r = 0; r < n; r++) {
            Proposal p = proposals.get(r);
            Action action = p.action();
            String argumentText = p.isFill() ? CandidateBuilder.filler(p.template(), action)
                    : action.argument().isEmpty() ? action.text() : action.argument();
            TextProfile argument = candidates.profile(argumentText);
            String descriptionText = p.isFill() ? "" : observation.describe(action);
            TextProfile description = candidates.profile(descriptionText);
            long[] argStems = argument.stems();
            long[] descStems = description.stems();
            int o = r * DENSE;
            dense[o] = ratio(TextProfile.common(argStems, instructionStems), argStems.length);
            dense[o + 1] = ratio(TextProfile.common(descStems, instructionStems), descStems.length);
            long[] union = union(argStems, descStems);
            double coverage = ratio(TextProfile.common(union, instructionStems), instructionStems.length);
            dense[o + 2] = (float) coverage;
            int[] trigrams = union(argument.trigrams(), description.trigrams());
            int commonTrigrams = TextProfile.common(trigrams, instructionTrigrams);
            double containment = ratio(commonTrigrams, trigrams.length);
            dense[o + 3] = (float) containment;
            dense[o + 4] = ratio(commonTrigrams, instructionTrigrams.length);
            boolean phrase = argStems.length > 0 && instruction.containsSequence(argument);
            dense[o + 5] = phrase ? 1 : 0;
            double price = Double.isNaN(description.firstPrice()) ? argument.firstPrice() : description.firstPrice();
            dense[o + 6] = Double.isNaN(price) ? 0 : 1;
            boolean withinBudget = !Double.isNaN(price) && !Double.isNaN(budget) && price <= budget;
            dense[o + 7] = withinBudget ? 1 : 0;
            dense[o + 8] = Double.isNaN(price) || Double.isNaN(budget) || budget <= 0 ? 0
                    : (float) (Math.min(price / budget, 2.0) / 2.0);
            dense[o + 9] = sharesNumber(argument.numbers(), instruction.numbers())
                    || sharesNumber(description.numbers(), instruction.numbers()) ? 1 : 0;
            int taken = history.count(action);
            boolean takenRecently = history.sinceSearch(action);
            dense[o + 10] = Math.min(taken, 3) / 3f;
            dense[o + 11] = history.isLast(action) ? 1 : 0;
            dense[o + 12] = takenRecently ? 1 : 0;
            dense[o + 13] = p.position() < 0 ? 0 : (float) p.position() / Math.max(1, concrete - 1);
            SpanQuery query = p.isFill() ? (p.query() != null ? p.query() : align(instruction, argument)) : null;
            dense[o + 14] = p.isFill() ? 1 : 0;
            if (p.isFill()) {
                dense[o + 15] = query == null ? 0 : ratio(runsCovered(instruction, query), runs);
                dense[o + 16] = query == null ? 0 : Math.min(query.spans(), 4) / 4f;
                dense[o + 17] = Math.min(argument.size(), 10) / 10f;
                dense[o + 18] = argument.numbers().length > 0 ? 1 : 0;
            }
            dense[o + 22] = Math.min(argument.size(), 5) / 5f;
            coverageMax = Math.max(coverageMax, coverage);
            trigramMax = Math.max(trigramMax, containment);
            if (!p.isFill() && phrase && !takenRecently) {
                untakenMatches++;
            }
            double[] advised = advice.get(action.text());
            if (advised != null) {
                double value = advised[0] / advised[1];
                dense[o + 32] = (float) Math.max(-1, Math.min(1, value));
                dense[o + 33] = (float) Math.min(1, advised[2]);
                bias[r] = (float) (adviceWeight * value);
            }
            textIds[r] = textIds(argument, description);
            roleIds[r] = roleIds(p, action, argument, instruction, query, pageType, contextRoles, takenRecently);
        }
        float step = Math.min(context.step(), 15) / 15f;
        float searches = Math.min(history.searches, 3) / 3f;
        float sinceSearch = Math.min(history.stepsSinceSearch, 10) / 10f;
        float feedback = observation.feedback().isEmpty() ? 0 : 1;
        float pageCoverage = ratio(TextProfile.common(page.stems(), instructionStems), instructionStems.length);
        float rowsFeature = (float) (Math.log1p(n) / 5.0);
        float untaken = Math.min(untakenMatches, 3) / 3f;
        float pageNumbers = sharesNumber(page.numbers(), instruction.numbers()) ? 1 : 0;
        double pagePrice = page.firstPrice();
        float pageWithinBudget = !Double.isNaN(pagePrice) && !Double.isNaN(budget) && pagePrice <= budget ? 1 : 0;
        float hasAdvice = context.advice().isEmpty() ? 0 : 1;
        for (int r = 0; r < n; r++) {
            int o = r * DENSE;
            dense[o + 19] = (float) (dense[o + 2] - coverageMax);
            dense[o + 20] = (float) (dense[o + 3] - trigramMax);
            dense[o + 21] = coverageMax > 0 && dense[o + 2] >= coverageMax ? 1 : 0;
            dense[o + 23] = step;
            dense[o + 24] = searches;
            dense[o + 25] = sinceSearch;
            dense[o + 26] = feedback;
            dense[o + 27] = pageCoverage;
            dense[o + 28] = rowsFeature;
            dense[o + 29] = untaken;
            dense[o + 30] = pageNumbers;
            dense[o + 31] = pageWithinBudget;
            dense[o + 34] = hasAdvice;
        }
        List<Action> actions = new ArrayList<>(n);
        for (Proposal p : proposals) {
            actions.add(p.action());
        }
        return new EncodedContext(List.copyOf(actions), textIds, roleIds, dense, instructionIds(instruction), bias);
    }

    /** The page text without the instruction, which many environments echo on every page. */
    static String withoutInstruction(String text, String instruction) {
        return instruction.isEmpty() ? text : text.replace(instruction, " ");
    }

    private static float ratio(int part, int whole) {
        return whole == 0 ? 0f : (float) part / whole;
    }

    private static long[] union(long[] a, long[] b) {
        if (b.length == 0) {
            return a;
        }
        if (a.length == 0) {
            return b;
        }
        long[] out = new long[a.length + b.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length || j < b.length) {
            long next;
            if (j >= b.length || i < a.length && a[i] < b[j]) {
                next = a[i++];
            } else if (i >= a.length || b[j] < a[i]) {
                next = b[j++];
            } else {
                next = a[i++];
                j++;
            }
            out[k++] = next;
        }
        return java.util.Arrays.copyOf(out, k);
    }

    private static int[] union(int[] a, int[] b) {
        if (b.length == 0) {
            return a;
        }
        if (a.length == 0) {
            return b;
        }
        int[] out = new int[a.length + b.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length || j < b.length) {
            int next;
            if (j >= b.length || i < a.length && a[i] < b[j]) {
                next = a[i++];
            } else if (i >= a.length || b[j] < a[i]) {
                next = b[j++];
            } else {
                next = a[i++];
                j++;
            }
            out[k++] = next;
        }
        return java.util.Arrays.copyOf(out, k);
    }

    private static boolean sharesNumber(double[] a, double[] b) {
        for (double x : a) {
            for (double y : b) {
                if (x == y) {
                    return true;
                }
            }
        }
        return false;
    }

    /** How many of the instruction's runs a query touches. */
    private static int runsCovered(TextProfile instruction, SpanQuery query) {
        int covered = 0;
        for (int[] run : dev.kaizen.djl.text.SpanQueryGenerator.runs(instruction)) {
            for (int s = 0; s < query.spans(); s++) {
                if (query.starts()[s] < run[1] && query.ends()[s] > run[0]) {
                    covered++;
                    break;
                }
            }
        }
        return covered;
    }

    /** Aligns a filler given from outside to instruction spans (longest matches, in order), or null. */
    static SpanQuery align(TextProfile instruction, TextProfile filler) {
        if (filler.size() == 0) {
            return null;
        }
        List<int[]> spans = new ArrayList<>();
        int f = 0;
        int from = 0;
        while (f < filler.size()) {
            int bestStart = -1;
            int bestLength = 0;
            for (int s = from; s < instruction.size(); s++) {
                int length = 0;
                while (f + length < filler.size() && s + length < instruction.size()
                        && instruction.token(s + length).equals(filler.token(f + length))) {
                    length++;
                }
                if (length > bestLength) {
                    bestLength = length;
                    bestStart = s;
                }
            }
            if (bestLength == 0) {
                return null;
            }
            spans.add(new int[] {bestStart, bestStart + bestLength});
            f += bestLength;
            from = bestStart + bestLength;
        }
        int[] starts = new int[spans.size()];
        int[] ends = new int[spans.size()];
        for (int i = 0; i < spans.size(); i++) {
            starts[i] = spans.get(i)[0];
            ends[i] = spans.get(i)[1];
        }
        return new SpanQuery(filler.text(), starts, ends);
    }

    private Map<String, double[]> adviceByAction(List<Advice> advice) {
        if (advice.isEmpty()) {
            return Map.of();
        }
        Map<String, double[]> out = new HashMap<>();
        for (Advice a : advice) {
            double weight = Math.max(a.similarity(), 1e-6);
            for (ActionValue value : a.actions()) {
                double[] acc = out.computeIfAbsent(value.action().text(), k -> new double[3]);
                acc[0] += weight * value.value();
                acc[1] += weight;
                acc[2] = Math.max(acc[2], a.similarity());
            }
        }
        return out;
    }

    private int[] textIds(TextProfile argument, TextProfile description) {
        int total = Math.min(MAX_TEXT, argument.size() + description.size());
        int[] ids = new int[total];
        int k = 0;
        for (TextProfile profile : new TextProfile[] {argument, description}) {
            for (int t = 0; t < profile.size() && k < total; t++) {
                ids[k++] = wordBucket(profile, t);
            }
        }
        return ids;
    }

    private int wordBucket(TextProfile profile, int t) {
        String word = profile.isNumber(t) ? "<number>" : dev.kaizen.djl.text.Stemmer.stem(profile.token(t));
        return TextHash.bucket(TextHash.of("w", word), buckets);
    }

    private int[] instructionIds(TextProfile instruction) {
        List<Integer> ids = new ArrayList<>();
        for (int t = 0; t < instruction.size() && ids.size() < MAX_INSTRUCTION; t++) {
            if (!instruction.isStopword(t)) {
                ids.add(wordBucket(instruction, t));
            }
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<String> contextRoles(Observation observation, History history) {
        List<String> roles = new ArrayList<>();
        observation.info().entrySet().stream()
                .filter(e -> !e.getKey().equals(Observation.FEEDBACK) && e.getValue().length() <= 24)
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> roles.add("i=" + e.getKey() + "=" + e.getValue()));
        if (history.last != null) {
            Action last = history.last;
            String argument = last.argument();
            roles.add("last=" + last.verb() + (argument.split(" ").length <= 3 ? "=" + argument.toLowerCase() : ""));
        } else {
            roles.add("last=none");
        }
        return roles;
    }

    private int[] roleIds(Proposal p, Action action, TextProfile argument, TextProfile instruction, SpanQuery query,
                          String pageType, List<String> contextRoles, boolean takenRecently) {
        List<String> roles = new ArrayList<>(16);
        String verb = action.verb().toLowerCase();
        roles.add("v=" + verb);
        roles.add("vp=" + verb + "@" + pageType);
        roles.addAll(contextRoles);
        if (p.isFill()) {
            roles.add("t=" + p.template());
            if (query == null) {
                roles.add("unaligned");
            } else {
                roles.add("s=" + Math.min(query.spans(), 4));
                for (int s = 0; s < query.spans(); s++) {
                    int start = query.starts()[s];
                    int end = query.ends()[s];
                    roles.add("l=" + (start == 0 ? "^" : instruction.boundaryBefore(start) ? "," : instruction.token(start - 1)));
                    roles.add("r=" + (end >= instruction.size() ? "$"
                            : instruction.boundaryBefore(end) ? "," : instruction.token(end)));
                    roles.add("l2=" + (start < 2 ? "^" : instruction.token(start - 2)));
                }
            }
        } else {
            if (argument.size() <= 3) {
                roles.add("a=" + argument.text().toLowerCase());
            }
            roles.add("pos=" + Math.min(p.position(), 10));
            if (takenRecently) {
                roles.add("taken");
            }
        }
        int[] ids = new int[Math.min(MAX_ROLE, roles.size())];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = TextHash.bucket(TextHash.of("r", roles.get(i)), buckets);
        }
        return ids;
    }

    /**
     * What the history says: how often each action was taken, which were taken on the current page
     * (since the last free-text action or change of page type), searches, the last action.
     */
    private static final class History {
        private final Map<String, Integer> counts = new HashMap<>();
        private final Set<String> sinceSearch = new HashSet<>();
        private final Action last;
        private int searches;
        private int stepsSinceSearch;

        History(List<Step> steps, Observation current) {
            String previousPage = null;
            for (Step step : steps) {
                Action action = step.action();
                counts.merge(action.text(), 1, Integer::sum);
                String page = step.observation().info().getOrDefault("page", "");
                if (previousPage != null && !previousPage.equals(page)) {
                    sinceSearch.clear();
                }
                previousPage = page;
                if (fillsTemplate(step)) {
                    searches++;
                    stepsSinceSearch = 0;
                    sinceSearch.clear();
                } else {
                    stepsSinceSearch++;
                    sinceSearch.add(action.text());
                }
            }
            if (previousPage != null && !previousPage.equals(current.info().getOrDefault("page", ""))) {
                sinceSearch.clear();
            }
            last = steps.isEmpty() ? null : steps.get(steps.size() - 1).action();
        }

        private static boolean fillsTemplate(Step step) {
            String text = step.action().text();
            for (String template : step.observation().templates()) {
                int at = template.indexOf("{}");
                if (text.startsWith(template.substring(0, at)) && text.endsWith(template.substring(at + 2))
                        && !step.observation().actions().contains(step.action())) {
                    return true;
                }
            }
            return false;
        }

        int count(Action action) {
            return counts.getOrDefault(action.text(), 0);
        }

        boolean sinceSearch(Action action) {
            return sinceSearch.contains(action.text());
        }

        boolean isLast(Action action) {
            return last != null && last.equals(action);
        }
    }
}
