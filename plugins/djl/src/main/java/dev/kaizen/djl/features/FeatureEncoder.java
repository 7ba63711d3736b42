package dev.kaizen.djl.features;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.djl.text.SortedSets;
import dev.kaizen.djl.text.TextProfile;
import dev.kaizen.djl.text.TextProfiles;
import java.util.List;
import java.util.Map;

/**
 * Turns a context into rows of features. Thread-safe (its caches are).
 *
 * <p>Rows ({@link Row#rowsOf}): the observation's concrete actions (plus an action given from
 * outside that is neither one of them nor a filler of a template), then one row per free-text
 * template. Dense features per row, roughly in [-1, 1]: how much of the candidate's words are in the
 * instruction and how much of the instruction they cover (stems, both ways), character-trigram
 * containment and coverage (fuzzy wording), whether the argument appears verbatim in the
 * instruction, price against the instruction's budget, numbers in common, how often and how
 * recently the action was taken ({@link History}), its display position, each row's coverage
 * relative to the best row, context facts shared by every row (step, searches so far, invalid last
 * action, how well the page matches the instruction, how many verbatim-matching options remain
 * untaken, the page's numbers and price against the instruction, the best coverage among actions
 * priced within the budget and how many reach it), whether the row is one of those, and the advised
 * value of the action with its similarity ({@link AdviceValues}). Each row also has the buckets of
 * its role tokens ({@link RoleBuckets}) and, with word embeddings, of its words
 * ({@link WordBuckets}).
 *
 * <p>Tokens (for fillers): the {@link TokenBlocks token block} of the instruction.
 */
public final class FeatureEncoder {

    /** Dense features per row. */
    public static final int DENSE = 35;
    /**
     * The dense features that read advice: the advised value, the advice's similarity and whether
     * the context has advice at all. Behaviour cloning never sees advice, so the first-layer rows
     * for these start at zero (in the policy's network) and a policy trained without advice
     * responds to it only through the fixed bias {@code adviceWeight·value}.
     */
    public static final int ADVICE_VALUE = 29;
    public static final int ADVICE_SIMILARITY = 30;
    public static final int HAS_ADVICE = 31;
    /** Dense features per instruction token. */
    public static final int TOKEN_DENSE = 15;
    /** Embedding buckets per instruction token: itself and two neighbours on each side. */
    public static final int TOKEN_IDS = 5;
    /** The most instruction tokens a filler can use. */
    static final int MAX_TOKENS = 64;

    private final TextProfiles profiles;
    private final RoleBuckets roles;
    private final ActionTexts actionTexts;
    private final WordBuckets wordBuckets;
    private final TokenBlocks tokenBlocks;
    private final double adviceWeight;
    private final boolean words;

    /**
     * @param buckets the embedding buckets words and roles are hashed into
     * @param adviceWeight the logit bias per unit of advised value
     * @param words whether rows carry the buckets of the candidate's and the instruction's words
     */
    public FeatureEncoder(TextProfiles profiles, int buckets, double adviceWeight, boolean words) {
        this.profiles = profiles;
        this.adviceWeight = adviceWeight;
        this.words = words;
        this.roles = new RoleBuckets(buckets);
        this.actionTexts = new ActionTexts(profiles, roles);
        this.wordBuckets = new WordBuckets(buckets);
        this.tokenBlocks = new TokenBlocks(buckets, wordBuckets);
    }

    /** Encodes {@code context}; {@code extra} (nullable) is made scorable if it is not already. */
    public EncodedContext encode(AgentContext context, Action extra) {
        List<Row> rows = Row.rowsOf(context, extra);
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
        long[] instructionTrigrams = instruction.trigrams();
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
        Map<String, double[]> advice = AdviceValues.byAction(context.advice());
        String pageType = observation.info().getOrDefault("page", "");
        int[] contextRoles = roles.context(observation, history);
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
                roleIds[r] = roles.template(row, pageType, contextRoles);
                continue;
            }
            Action action = row.action();
            ActionText actionText = actionTexts.of(action);
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
            long[] argTrigrams = argument.trigrams();
            long[] descTrigrams = description.trigrams();
            int commonTrigrams = match.trigrams(descTrigrams) + match.trigramsOutside(argTrigrams, descTrigrams);
            int bothTrigrams = argTrigrams.length + descTrigrams.length
                    - SortedSets.common(argTrigrams, descTrigrams);
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
            textIds[r] = words ? wordBuckets.text(argument, description) : new int[0];
            roleIds[r] = roles.action(row, actionText, pageType, contextRoles, takenHere);
        }
        float step = Math.min(context.step(), 15) / 15f;
        float searches = Math.min(history.searches(), 3) / 3f;
        float sinceSearch = Math.min(history.stepsSinceSearch(), 10) / 10f;
        float feedback = observation.feedback().isEmpty() ? 0 : 1;
        float pageCoverage = ratio(SortedSets.common(page.stems(), instructionStems), instructionStems.length);
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
            tokenBlocks.encode(instruction, page, history, tokenIds, tokenDense);
            AdviceValues.biasTokens(rows, instruction, advice, adviceWeight, tokenBias);
        }
        return new EncodedContext(List.copyOf(rows), textIds, roleIds, dense,
                words ? wordBuckets.instruction(instruction) : new int[0], bias,
                instruction, tokenIds, tokenDense, tokenBias);
    }

    /** The page text without the instruction, which many environments echo on every page. */
    private static String withoutInstruction(String text, String instruction) {
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
}
