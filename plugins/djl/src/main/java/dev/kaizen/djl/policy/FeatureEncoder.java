package dev.kaizen.djl.policy;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.policy.ActionValue;
import dev.kaizen.api.policy.Advice;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.djl.text.QueryTokens;
import dev.kaizen.djl.text.Stemmer;
import dev.kaizen.djl.text.TextHash;
import dev.kaizen.djl.text.TextProfile;
import dev.kaizen.djl.text.TextProfiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a context into rows of features. Thread-safe (its caches are).
 *
 * <p>Rows: the observation's concrete actions (plus an action given from outside that is neither
 * one of them nor a filler of a template), then one row per free-text template. Dense features
 * per row, roughly in [-1, 1]: how much of the candidate's words are in the instruction and how
 * much of the instruction they cover (stems, both ways), character-trigram containment and
 * coverage (fuzzy wording), whether the argument appears verbatim in the instruction, price
 * against the instruction's budget, numbers in common, how often and how recently the action was
 * taken, its display position, each row's coverage relative to the best row, context facts shared
 * by every row (step, searches so far, invalid last action, how well the page matches the
 * instruction, how many verbatim-matching options remain untaken, the page's numbers and price
 * against the instruction, the best coverage among actions priced within the budget and how many
 * reach it), whether the row is one of those, and the advised value of the action with its
 * similarity.
 *
 * <p>Tokens (for fillers): each instruction token with its four neighbours as embedding buckets and
 * features: function word, number, price, punctuation before and after, a {@code $} before, position
 * in the instruction and in its clause, repeated, on the page, length, first content word, whether
 * its neighbours are function words, and whether an earlier query of the episode used it.
 */
final class FeatureEncoder {

    /** Dense features per row. */
    static final int DENSE = 35;
    /**
     * The dense features that read advice: the advised value, the advice's similarity and whether
     * the context has advice at all. Behaviour cloning never sees advice, so the first-layer rows
     * for these start at zero ({@link ScorerNetwork#initialise}) and a policy trained without
     * advice responds to it only through the fixed bias {@code adviceWeight·value}.
     */
    static final int ADVICE_VALUE = 29;
    static final int ADVICE_SIMILARITY = 30;
    static final int HAS_ADVICE = 31;
    /** Dense features per instruction token. */
    static final int TOKEN_DENSE = 15;
    /** Embedding buckets per instruction token: itself and two neighbours on each side. */
    static final int TOKEN_IDS = 5;
    /** The most instruction tokens a filler can use. */
    static final int MAX_TOKENS = 64;

    private static final int MAX_TEXT = 32;
    private static final int MAX_ROLE = 24;
    private static final int MAX_INSTRUCTION = 48;

    /** Instructions' token blocks kept, by profile (identity); cleared when full. */
    private static final int TOKEN_BLOCKS = 10_000;

    /** The running hash of the role namespace, which role buckets continue. */
    private static final long ROLE = TextHash.begin("r");

    /** Action texts kept; cleared when full. */
    private static final int ACTION_TEXTS = 20_000;

    private final TextProfiles profiles;
    private final ConcurrentHashMap<String, ActionText> actionTexts = new ConcurrentHashMap<>();
    /** The buckets of {@code pos=0} to {@code pos=10}, then {@code pos=none}. */
    private final int[] positionRoles = new int[12];
    private final int takenRole;
    private final ConcurrentHashMap<TextProfile, TokenBlock> tokenBlocks = new ConcurrentHashMap<>();
    private final int buckets;
    private final double adviceWeight;
    private final boolean words;

    /** @param words whether rows carry the buckets of the candidate's and the instruction's words */
    FeatureEncoder(TextProfiles profiles, int buckets, double adviceWeight, boolean words) {
        this.profiles = profiles;
        this.buckets = buckets;
        this.adviceWeight = adviceWeight;
        this.words = words;
        for (int p = 0; p <= 10; p++) {
            positionRoles[p] = roleBucket(TextHash.add(TextHash.add(ROLE, "pos="), Integer.toString(p)));
        }
        positionRoles[11] = roleBucket(TextHash.add(ROLE, "pos=none"));
        takenRole = roleBucket(TextHash.add(ROLE, "taken"));
    }

    /** The rows of {@code context}; {@code extra} (nullable) is added as a row if it is neither an action nor a filler. */
    static List<Row> rows(AgentContext context, Action extra) {
        Observation observation = context.observation();
        Map<Action, Row> concrete = new LinkedHashMap<>();
        List<Row> templates = new ArrayList<>();
        if (!observation.done()) {
            List<Action> actions = observation.actions();
            for (int i = 0; i < actions.size(); i++) {
                concrete.putIfAbsent(actions.get(i), new Row(actions.get(i), null, i));
            }
            for (String template : new java.util.LinkedHashSet<>(observation.templates())) {
                templates.add(new Row(null, template, -1));
            }
        }
        if (extra != null && !concrete.containsKey(extra)
                && templates.stream().noneMatch(t -> t.fillerOf(extra) != null)) {
            concrete.put(extra, new Row(extra, null, -1));
        }
        List<Row> rows = new ArrayList<>(concrete.values());
        rows.addAll(templates);
        return rows;
    }

    /** Encodes {@code context}; {@code extra} (nullable) is made scorable if it is not already. */
    EncodedContext encode(AgentContext context, Action extra) {
        List<Row> rows = rows(context, extra);
        TextProfile instruction = profiles.of(context.task().instruction());
        Observation observation = context.observation();
        TextProfile page = TextProfile.analyseWords(withoutInstruction(observation.text(),
                context.task().instruction()));
        History history = new History(context.history(), observation, profiles);
        int n = rows.size();
        int[][] textIds = new int[n][];
        int[][] roleIds = new int[n][];
        float[] dense = new float[n * DENSE];
        float[] bias = new float[n];
        long[] instructionStems = instruction.stems();
        int[] instructionTrigrams = instruction.trigrams();
        double budget = instruction.budget();
        int concrete = 0;
        boolean anyTemplate = false;
        for (Row row : rows) {
            if (row.isTemplate()) {
                anyTemplate = true;
            } else {
                concrete++;
            }
        }
        Map<String, double[]> advice = adviceByAction(context.advice());
        String pageType = observation.info().getOrDefault("page", "");
        int[] contextRoles = contextRoles(observation, history);
        double coverageMax = 0;
        double containmentMax = 0;
        int untakenMatches = 0;
        InstructionMatch match = new InstructionMatch(instruction);
        for (int r = 0; r < n; r++) {
            Row row = rows.get(r);
            int o = r * DENSE;
            if (row.isTemplate()) {
                dense[o + 14] = 1;
                dense[o + 15] = Math.min(instruction.size(), 30) / 30f;
                textIds[r] = new int[0];
                roleIds[r] = templateRoles(row, pageType, contextRoles);
                continue;
            }
            Action action = row.action();
            ActionText actionText = actionText(action);
            String descriptionText = observation.describe(action);
            TextProfile argument = actionText.argument();
            TextProfile description = profiles.of(descriptionText);
            long[] argStems = argument.stems();
            long[] descStems = description.stems();
            int argCommon = match.stems(argStems);
            int descCommon = match.stems(descStems);
            dense[o] = ratio(argCommon, argStems.length);
            dense[o + 1] = ratio(descCommon, descStems.length);
            // argument and description together: as no token spans a line break, the analysis of
            // argument + "\n" + description has the union of their stems and of their trigrams
            int bothCommon = descCommon + match.stemsOutside(argStems, descStems);
            double coverage = ratio(bothCommon, instructionStems.length);
            dense[o + 2] = (float) coverage;
            int[] argTrigrams = argument.trigrams();
            int[] descTrigrams = description.trigrams();
            int commonTrigrams = match.trigrams(descTrigrams) + match.trigramsOutside(argTrigrams, descTrigrams);
            int bothTrigrams = argTrigrams.length + descTrigrams.length
                    - TextProfile.common(argTrigrams, descTrigrams);
            double containment = ratio(commonTrigrams, bothTrigrams);
            dense[o + 3] = (float) containment;
            dense[o + 4] = ratio(commonTrigrams, instructionTrigrams.length);
            boolean phrase = argStems.length > 0 && match.hasToken(argument.tokenHash(0))
                    && instruction.containsSequence(argument);
            dense[o + 5] = phrase ? 1 : 0;
            double price = Double.isNaN(description.firstPrice()) ? argument.firstPrice() : description.firstPrice();
            dense[o + 6] = Double.isNaN(price) ? 0 : 1;
            dense[o + 7] = !Double.isNaN(price) && !Double.isNaN(budget) && price <= budget ? 1 : 0;
            dense[o + 8] = Double.isNaN(price) || Double.isNaN(budget) || budget <= 0 ? 0
                    : (float) (Math.min(price / budget, 2.0) / 2.0);
            dense[o + 9] = sharesNumber(argument.numbers(), instruction.numbers())
                    || sharesNumber(description.numbers(), instruction.numbers()) ? 1 : 0;
            boolean takenHere = history.takenHere(action);
            dense[o + 10] = Math.min(history.count(action), 3) / 3f;
            dense[o + 11] = history.isLast(action) ? 1 : 0;
            dense[o + 12] = takenHere ? 1 : 0;
            dense[o + 13] = row.position() < 0 ? 0 : (float) row.position() / Math.max(1, concrete - 1);
            dense[o + 19] = Math.min(argument.size(), 5) / 5f;
            coverageMax = Math.max(coverageMax, coverage);
            containmentMax = Math.max(containmentMax, containment);
            if (phrase && !takenHere) {
                untakenMatches++;
            }
            double[] advised = advice.get(action.text());
            if (advised != null) {
                double value = advised[0] / advised[1];
                dense[o + ADVICE_VALUE] = (float) Math.max(-1, Math.min(1, value));
                dense[o + ADVICE_SIMILARITY] = (float) Math.min(1, advised[2]);
                bias[r] = (float) (adviceWeight * value);
            }
            textIds[r] = words ? textIds(argument, description) : new int[0];
            roleIds[r] = actionRoles(row, actionText, pageType, contextRoles, takenHere);
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
        double affordableMax = 0;
        int affordableBest = 0;
        for (int r = 0; r < n; r++) {
            int o = r * DENSE;
            if (!rows.get(r).isTemplate() && dense[o + 7] > 0) {
                affordableMax = Math.max(affordableMax, dense[o + 2]);
            }
        }
        for (int r = 0; r < n; r++) {
            int o = r * DENSE;
            if (!rows.get(r).isTemplate() && dense[o + 7] > 0 && affordableMax > 0 && dense[o + 2] >= affordableMax) {
                dense[o + 34] = 1;
                affordableBest++;
            }
        }
        for (int r = 0; r < n; r++) {
            int o = r * DENSE;
            dense[o + 32] = (float) affordableMax;
            dense[o + 33] = Math.min(affordableBest, 3) / 3f;
            if (!rows.get(r).isTemplate()) {
                dense[o + 16] = (float) (dense[o + 2] - coverageMax);
                dense[o + 17] = (float) (dense[o + 3] - containmentMax);
                dense[o + 18] = coverageMax > 0 && dense[o + 2] >= coverageMax ? 1 : 0;
            }
            dense[o + 20] = step;
            dense[o + 21] = searches;
            dense[o + 22] = sinceSearch;
            dense[o + 23] = feedback;
            dense[o + 24] = pageCoverage;
            dense[o + 25] = rowsFeature;
            dense[o + 26] = untaken;
            dense[o + 27] = pageNumbers;
            dense[o + 28] = pageWithinBudget;
            dense[o + HAS_ADVICE] = hasAdvice;
        }
        int tokens = anyTemplate ? Math.min(MAX_TOKENS, instruction.size()) : 0;
        int[][] tokenIds = new int[tokens][];
        float[] tokenDense = new float[tokens * TOKEN_DENSE];
        float[] tokenBias = new float[tokens];
        if (tokens > 0) {
            encodeTokens(instruction, page, history, tokenIds, tokenDense);
            adviseTokens(rows, instruction, advice, tokenBias);
        }
        return new EncodedContext(List.copyOf(rows), textIds, roleIds, dense,
                words ? instructionIds(instruction) : new int[0], bias,
                instruction, tokenIds, tokenDense, tokenBias);
    }

    /**
     * The token block of a context: the instruction's part (buckets and features of each token,
     * {@link #tokenBlock}) with what the page and the history say about each token.
     */
    private void encodeTokens(TextProfile instruction, TextProfile page, History history, int[][] ids, float[] dense) {
        int n = ids.length;
        TokenBlock block = tokenBlock(instruction);
        System.arraycopy(block.ids(), 0, ids, 0, n);
        System.arraycopy(block.dense(), 0, dense, 0, n * TOKEN_DENSE);
        Set<String> wanted = new HashSet<>();
        for (int t = 0; t < n; t++) {
            wanted.add(instruction.token(t));
        }
        Set<String> onPage = new HashSet<>();
        for (int t = 0; t < page.size(); t++) {
            String word = page.token(t);
            if (wanted.contains(word)) {
                onPage.add(word);
            }
        }
        for (int t = 0; t < n; t++) {
            String token = instruction.token(t);
            int o = t * TOKEN_DENSE;
            dense[o + 9] = onPage.contains(token) ? 1 : 0;
            dense[o + 14] = history.queried(token) ? 1 : 0;
        }
    }

    /**
     * The part of the token block that depends on the instruction alone, computed once per
     * instruction.
     *
     * @param ids per token, its {@link #TOKEN_IDS} buckets; never modified
     * @param dense per token, {@link #TOKEN_DENSE} features, those read from the page and the
     *     history (9 and 14) left at zero; never modified
     */
    private record TokenBlock(int[][] ids, float[] dense) {
    }

    private TokenBlock tokenBlock(TextProfile instruction) {
        TokenBlock block = tokenBlocks.get(instruction);
        if (block != null) {
            return block;
        }
        int n = Math.min(MAX_TOKENS, instruction.size());
        int[][] ids = new int[n][];
        float[] dense = new float[n * TOKEN_DENSE];
        Map<String, Integer> counts = new HashMap<>();
        for (int t = 0; t < instruction.size(); t++) {
            counts.merge(instruction.token(t), 1, Integer::sum);
        }
        int firstContent = -1;
        int sinceBoundary = 0;
        for (int t = 0; t < n; t++) {
            String token = instruction.token(t);
            boolean stop = instruction.isStopword(t);
            if (firstContent < 0 && !stop && !instruction.isNumber(t)) {
                firstContent = t;
            }
            sinceBoundary = t == 0 || instruction.boundaryBefore(t) ? 0 : sinceBoundary + 1;
            int o = t * TOKEN_DENSE;
            boolean boundaryAfter = t + 1 >= instruction.size() || instruction.boundaryBefore(t + 1);
            dense[o] = stop ? 1 : 0;
            dense[o + 1] = instruction.isNumber(t) ? 1 : 0;
            dense[o + 2] = instruction.isPrice(t) ? 1 : 0;
            dense[o + 3] = t == 0 || instruction.boundaryBefore(t) ? 1 : 0;
            dense[o + 4] = boundaryAfter ? 1 : 0;
            dense[o + 5] = instruction.dollarBefore(t) ? 1 : 0;
            dense[o + 6] = n <= 1 ? 0 : (float) t / (n - 1);
            dense[o + 7] = Math.min(sinceBoundary, 10) / 10f;
            dense[o + 8] = counts.get(token) > 1 ? 1 : 0;
            dense[o + 10] = Math.min(token.length(), 10) / 10f;
            dense[o + 11] = t == firstContent ? 1 : 0;
            dense[o + 12] = t > 0 && instruction.isStopword(t - 1) ? 1 : 0;
            dense[o + 13] = t + 1 < instruction.size() && instruction.isStopword(t + 1) ? 1 : 0;
            ids[t] = new int[] {
                wordBucket(instruction, t),
                TextHash.bucket(TextHash.of("tl", neighbour(instruction, t, -1)), buckets),
                TextHash.bucket(TextHash.of("tr", neighbour(instruction, t, 1)), buckets),
                TextHash.bucket(TextHash.of("tl2", neighbour(instruction, t, -2)), buckets),
                TextHash.bucket(TextHash.of("tr2", neighbour(instruction, t, 2)), buckets),
            };
        }
        block = new TokenBlock(ids, dense);
        if (tokenBlocks.size() >= TOKEN_BLOCKS) {
            tokenBlocks.clear();
        }
        tokenBlocks.putIfAbsent(instruction, block);
        return block;
    }

    /** The token {@code offset} places away, "," across punctuation, "^"/"$" past either end. */
    private static String neighbour(TextProfile text, int t, int offset) {
        int step = offset < 0 ? -1 : 1;
        int at = t;
        for (int k = 0; k < Math.abs(offset); k++) {
            if (step < 0 && (at == 0 || text.boundaryBefore(at)) || step > 0 && at + 1 < text.size()
                    && text.boundaryBefore(at + 1)) {
                return ",";
            }
            at += step;
            if (at < 0) {
                return "^";
            }
            if (at >= text.size()) {
                return "$";
            }
        }
        return text.isNumber(at) ? "<number>" : text.token(at);
    }

    /** Advised fillers shift their tokens' logits by {@code ±adviceWeight·Q}. */
    private void adviseTokens(List<Row> rows, TextProfile instruction, Map<String, double[]> advice, float[] bias) {
        if (advice.isEmpty()) {
            return;
        }
        for (Map.Entry<String, double[]> entry : advice.entrySet()) {
            Action action = new Action(entry.getKey());
            for (Row row : rows) {
                String filler = row.fillerOf(action);
                if (filler == null) {
                    continue;
                }
                boolean[] chosen = QueryTokens.align(instruction, filler, bias.length);
                if (chosen != null) {
                    double value = entry.getValue()[0] / entry.getValue()[1];
                    for (int t = 0; t < bias.length; t++) {
                        bias[t] += (float) (adviceWeight * value * (chosen[t] ? 1 : -1));
                    }
                }
                break;
            }
        }
    }

    /** Whether a token mixes letters and digits, as product ids do. */
    private static boolean hasIdentifier(TextProfile text) {
        for (int t = 0; t < text.size(); t++) {
            String token = text.token(t);
            boolean digit = false;
            boolean letter = false;
            for (int i = 0; i < token.length() && !(digit && letter); i++) {
                char c = token.charAt(i);
                digit |= Character.isDigit(c);
                letter |= Character.isLetter(c);
            }
            if (digit && letter) {
                return true;
            }
        }
        return false;
    }

    /** The page text without the instruction, which many environments echo on every page. */
    static String withoutInstruction(String text, String instruction) {
        return instruction.isEmpty() ? text : text.replace(instruction, " ");
    }

    private static float ratio(int part, int whole) {
        return whole == 0 ? 0f : (float) part / whole;
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

    private static Map<String, double[]> adviceByAction(List<Advice> advice) {
        if (advice.isEmpty()) {
            return Map.of();
        }
        Map<String, double[]> out = new LinkedHashMap<>();
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
        String word = profile.isNumber(t) ? "<number>" : Stemmer.stem(profile.token(t));
        return TextHash.bucket(TextHash.of("w", word), buckets);
    }

    private int[] instructionIds(TextProfile instruction) {
        int[] ids = new int[Math.min(MAX_INSTRUCTION, instruction.size())];
        int k = 0;
        for (int t = 0; t < instruction.size() && k < ids.length; t++) {
            if (!instruction.isStopword(t)) {
                ids[k++] = wordBucket(instruction, t);
            }
        }
        return Arrays.copyOf(ids, k);
    }

    private int[] contextRoles(Observation observation, History history) {
        List<Map.Entry<String, String>> facts = new ArrayList<>();
        for (Map.Entry<String, String> e : observation.info().entrySet()) {
            if (!e.getKey().equals(Observation.FEEDBACK) && isShortWord(e.getValue())) {
                facts.add(e);
            }
        }
        facts.sort(Map.Entry.comparingByKey());
        int[] ids = new int[facts.size() + 1];
        int k = 0;
        for (Map.Entry<String, String> e : facts) {
            ids[k++] = roleBucket(TextHash.add(TextHash.add(TextHash.add(TextHash.add(ROLE, "i="), e.getKey()), '='),
                    e.getValue()));
        }
        if (history.last != null) {
            Action last = history.last;
            String argument = last.argument().toLowerCase(Locale.ROOT);
            long h = TextHash.add(TextHash.add(ROLE, "last="), last.verb());
            if (argument.split(" ").length <= 3) {
                h = TextHash.add(TextHash.add(h, '='), argument);
            }
            ids[k] = roleBucket(h);
        } else {
            ids[k] = roleBucket(TextHash.add(ROLE, "last=none"));
        }
        return ids;
    }

    /** At most 24 characters, none a digit or white space: an info value that names a kind of page. */
    private static boolean isShortWord(String value) {
        if (value.length() > 24) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isDigit(c) || Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * What the rows of an action need of its text alone, worked out once per action text: the
     * argument's analysis and the action's own role buckets.
     *
     * @param argument the argument, or the whole text for an action without one
     * @param verbRole the bucket of {@code v=verb}
     * @param pageRole the running hash of {@code vp=verb@}, to be continued with the page type
     * @param argumentRole the bucket of {@code a=argument}, or -1 where the argument is not a short name
     */
    private record ActionText(TextProfile argument, int verbRole, long pageRole, int argumentRole) {
    }

    private ActionText actionText(Action action) {
        ActionText known = actionTexts.get(action.text());
        if (known != null) {
            return known;
        }
        TextProfile argument = profiles.of(action.argument().isEmpty() ? action.text() : action.argument());
        String verb = action.verb().toLowerCase(Locale.ROOT);
        // short arguments name buttons and options; identifiers (letters mixed with digits) are not
        // kept, so that no product is remembered by its id
        int argumentRole = argument.size() <= 3 && !hasIdentifier(argument)
                ? roleBucket(TextHash.add(TextHash.add(ROLE, "a="), argument.text().toLowerCase(Locale.ROOT))) : -1;
        ActionText text = new ActionText(argument, roleBucket(TextHash.add(TextHash.add(ROLE, "v="), verb)),
                TextHash.add(TextHash.add(TextHash.add(ROLE, "vp="), verb), '@'), argumentRole);
        if (actionTexts.size() >= ACTION_TEXTS) {
            actionTexts.clear();
        }
        actionTexts.putIfAbsent(action.text(), text);
        return text;
    }

    /** The role buckets of an action's row: verb, verb on this page, short argument, position, taken here. */
    private int[] actionRoles(Row row, ActionText text, String pageType, int[] contextRoles, boolean takenHere) {
        int[] own = new int[5];
        int k = 0;
        own[k++] = text.verbRole();
        own[k++] = roleBucket(TextHash.add(text.pageRole(), pageType));
        if (text.argumentRole() >= 0) {
            own[k++] = text.argumentRole();
        }
        own[k++] = row.position() < 0 ? positionRoles[positionRoles.length - 1]
                : positionRoles[Math.min(row.position(), 10)];
        if (takenHere) {
            own[k++] = takenRole;
        }
        return withContextRoles(own, k, contextRoles);
    }

    /** The role buckets of a template's row: verb, verb on this page, the template. */
    private int[] templateRoles(Row row, String pageType, int[] contextRoles) {
        String verb = new Action(row.template()).verb().toLowerCase(Locale.ROOT);
        int[] own = {
            roleBucket(TextHash.add(TextHash.add(ROLE, "v="), verb)),
            roleBucket(TextHash.add(TextHash.add(TextHash.add(TextHash.add(ROLE, "vp="), verb), '@'), pageType)),
            roleBucket(TextHash.add(TextHash.add(ROLE, "t="), row.template())),
        };
        return withContextRoles(own, own.length, contextRoles);
    }

    private static int[] withContextRoles(int[] own, int k, int[] contextRoles) {
        int[] ids = Arrays.copyOf(own, Math.min(MAX_ROLE, k + contextRoles.length));
        System.arraycopy(contextRoles, 0, ids, k, ids.length - k);
        return ids;
    }

    /** The bucket of a role whose hash so far is {@code h} (begun with {@link #ROLE}). */
    private int roleBucket(long h) {
        return TextHash.bucket(TextHash.finish(h), buckets);
    }

    /**
     * Membership in an instruction's stems, trigrams and token hashes through open-addressing tables
     * (at most a quarter full, probed linearly from the low bits of the values). Counts equal
     * {@link TextProfile#common} with the instruction's arrays. One per encoded context; not shared.
     */
    private static final class InstructionMatch {
        private final long[] stemTable;
        private final boolean[] stemUsed;
        private final int stemMask;
        private final int[] trigramTable;
        private final boolean[] trigramUsed;
        private final int trigramMask;
        private final int[] tokenTable;
        private final boolean[] tokenUsed;
        private final int tokenMask;

        InstructionMatch(TextProfile instruction) {
            long[] stems = instruction.stems();
            int[] trigrams = instruction.trigrams();
            int tokenSize = tableSize(instruction.size());
            tokenTable = new int[tokenSize];
            tokenUsed = new boolean[tokenSize];
            tokenMask = tokenSize - 1;
            for (int t = 0; t < instruction.size(); t++) {
                int v = instruction.tokenHash(t);
                int i = v & tokenMask;
                while (tokenUsed[i] && tokenTable[i] != v) {
                    i = (i + 1) & tokenMask;
                }
                tokenTable[i] = v;
                tokenUsed[i] = true;
            }
            int stemSize = tableSize(stems.length);
            stemTable = new long[stemSize];
            stemUsed = new boolean[stemSize];
            stemMask = stemSize - 1;
            for (long v : stems) {
                int i = (int) v & stemMask;
                while (stemUsed[i]) {
                    i = (i + 1) & stemMask;
                }
                stemTable[i] = v;
                stemUsed[i] = true;
            }
            int trigramSize = tableSize(trigrams.length);
            trigramTable = new int[trigramSize];
            trigramUsed = new boolean[trigramSize];
            trigramMask = trigramSize - 1;
            for (int v : trigrams) {
                int i = v & trigramMask;
                while (trigramUsed[i]) {
                    i = (i + 1) & trigramMask;
                }
                trigramTable[i] = v;
                trigramUsed[i] = true;
            }
        }

        private static int tableSize(int values) {
            return Integer.highestOneBit(Math.max(4, values) * 4 - 1) << 1;
        }

        private boolean hasStem(long v) {
            int i = (int) v & stemMask;
            while (stemUsed[i]) {
                if (stemTable[i] == v) {
                    return true;
                }
                i = (i + 1) & stemMask;
            }
            return false;
        }

        /** Whether some instruction token has the hash {@code v} ({@link TextProfile#tokenHash}). */
        boolean hasToken(int v) {
            int i = v & tokenMask;
            while (tokenUsed[i]) {
                if (tokenTable[i] == v) {
                    return true;
                }
                i = (i + 1) & tokenMask;
            }
            return false;
        }

        private boolean hasTrigram(int v) {
            int i = v & trigramMask;
            while (trigramUsed[i]) {
                if (trigramTable[i] == v) {
                    return true;
                }
                i = (i + 1) & trigramMask;
            }
            return false;
        }

        /** How many of {@code values} (distinct) are the instruction's stems. */
        int stems(long[] values) {
            int c = 0;
            for (long v : values) {
                if (hasStem(v)) {
                    c++;
                }
            }
            return c;
        }

        /** How many of {@code values} (distinct) are the instruction's stems and not in {@code sorted}. */
        int stemsOutside(long[] values, long[] sorted) {
            int c = 0;
            for (long v : values) {
                if (hasStem(v) && Arrays.binarySearch(sorted, v) < 0) {
                    c++;
                }
            }
            return c;
        }

        /** How many of {@code values} (distinct) are the instruction's trigrams. */
        int trigrams(int[] values) {
            int c = 0;
            for (int v : values) {
                if (hasTrigram(v)) {
                    c++;
                }
            }
            return c;
        }

        /** How many of {@code values} (distinct) are the instruction's trigrams and not in {@code sorted}. */
        int trigramsOutside(int[] values, int[] sorted) {
            int c = 0;
            for (int v : values) {
                if (hasTrigram(v) && Arrays.binarySearch(sorted, v) < 0) {
                    c++;
                }
            }
            return c;
        }
    }

    /**
     * What the history says: how often each action was taken, which were taken on the current page
     * (since the last free-text action or change of page type), the words of earlier fillers,
     * searches, the last action.
     */
    private static final class History {
        private final Map<String, Integer> counts = new HashMap<>();
        private final Set<String> here = new HashSet<>();
        private final Set<String> queried = new HashSet<>();
        private final Action last;
        private int searches;
        private int stepsSinceSearch;

        History(List<Step> steps, Observation current, TextProfiles profiles) {
            String previousPage = null;
            for (Step step : steps) {
                Action action = step.action();
                counts.merge(action.text(), 1, Integer::sum);
                String page = step.observation().info().getOrDefault("page", "");
                if (previousPage != null && !previousPage.equals(page)) {
                    here.clear();
                }
                previousPage = page;
                String filler = fillerOf(step);
                if (filler != null) {
                    searches++;
                    stepsSinceSearch = 0;
                    here.clear();
                    TextProfile words = profiles.of(filler);
                    for (int t = 0; t < words.size(); t++) {
                        queried.add(words.token(t));
                    }
                } else {
                    stepsSinceSearch++;
                    here.add(action.text());
                }
            }
            if (previousPage != null && !previousPage.equals(current.info().getOrDefault("page", ""))) {
                here.clear();
            }
            last = steps.isEmpty() ? null : steps.get(steps.size() - 1).action();
        }

        private static String fillerOf(Step step) {
            if (step.observation().actions().contains(step.action())) {
                return null;
            }
            for (String template : step.observation().templates()) {
                String filler = new Row(null, template, -1).fillerOf(step.action());
                if (filler != null) {
                    return filler;
                }
            }
            return null;
        }

        int count(Action action) {
            return counts.getOrDefault(action.text(), 0);
        }

        boolean takenHere(Action action) {
            return here.contains(action.text());
        }

        boolean isLast(Action action) {
            return last != null && last.equals(action);
        }

        boolean queried(String token) {
            return queried.contains(token);
        }
    }
}
