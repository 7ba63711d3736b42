package dev.kaizen.djl.policy;

import dev.kaizen.djl.features.EncodedContext;
import dev.kaizen.djl.features.FeatureEncoder;
import java.util.Arrays;
import java.util.List;

/**
 * Several encoded contexts flattened into padded arrays, ready to become tensors: rows of all
 * contexts one after another with their bags padded to the longest in the batch (with masks),
 * a {@code [contexts × maxRows]} grid of row indices for the per-context softmax ({@code rows}
 * marks padding), and likewise the tokens with a {@code [contexts × maxTokens]} grid.
 */
final class EncodedBatch {

    final int contexts;
    final int rows;
    final int maxRows;
    final int textLength;
    final int roleLength;
    final int instructionLength;
    final long[] textIds;
    final float[] textMask;
    final float[] textCount;
    final long[] roleIds;
    final float[] roleMask;
    final float[] roleCount;
    final long[] instructionIds;
    final float[] instructionMask;
    final float[] instructionCount;
    final long[] rowContext;
    final long[] grid;
    final float[] rowCount;
    final float[] dense;
    final float[] bias;
    final int[] offsets;
    final int tokens;
    final int maxTokens;
    final long[] tokenIds;
    final float[] tokenDense;
    final float[] tokenBias;
    final long[] tokenGrid;
    final int[] tokenOffsets;

    EncodedBatch(List<EncodedContext> encoded) {
        contexts = encoded.size();
        offsets = new int[contexts + 1];
        tokenOffsets = new int[contexts + 1];
        int widest = 1;
        int longestText = 1;
        int longestRole = 1;
        int longestInstruction = 1;
        int mostTokens = 1;
        for (int b = 0; b < contexts; b++) {
            EncodedContext e = encoded.get(b);
            offsets[b + 1] = offsets[b] + e.size();
            tokenOffsets[b + 1] = tokenOffsets[b] + e.tokens();
            widest = Math.max(widest, e.size());
            mostTokens = Math.max(mostTokens, e.tokens());
            longestInstruction = Math.max(longestInstruction, e.instructionIds().length);
            for (int r = 0; r < e.size(); r++) {
                longestText = Math.max(longestText, e.textIds()[r].length);
                longestRole = Math.max(longestRole, e.roleIds()[r].length);
            }
        }
        rows = offsets[contexts];
        maxRows = widest;
        textLength = longestText;
        roleLength = longestRole;
        instructionLength = longestInstruction;
        tokens = tokenOffsets[contexts];
        maxTokens = mostTokens;
        textIds = new long[rows * textLength];
        textMask = new float[rows * textLength];
        textCount = new float[rows];
        roleIds = new long[rows * roleLength];
        roleMask = new float[rows * roleLength];
        roleCount = new float[rows];
        instructionIds = new long[contexts * instructionLength];
        instructionMask = new float[contexts * instructionLength];
        instructionCount = new float[contexts];
        rowContext = new long[rows];
        grid = new long[contexts * maxRows];
        rowCount = new float[contexts];
        dense = new float[rows * FeatureEncoder.DENSE];
        bias = new float[rows];
        tokenIds = new long[tokens * FeatureEncoder.TOKEN_IDS];
        tokenDense = new float[tokens * FeatureEncoder.TOKEN_DENSE];
        tokenBias = new float[tokens];
        tokenGrid = new long[contexts * maxTokens];
        Arrays.fill(grid, rows);
        Arrays.fill(tokenGrid, tokens);
        for (int b = 0; b < contexts; b++) {
            EncodedContext e = encoded.get(b);
            int base = offsets[b];
            rowCount[b] = Math.max(1, e.size());
            int[] instruction = e.instructionIds();
            for (int i = 0; i < instruction.length; i++) {
                instructionIds[b * instructionLength + i] = instruction[i];
                instructionMask[b * instructionLength + i] = 1f;
            }
            instructionCount[b] = Math.max(1, instruction.length);
            System.arraycopy(e.dense(), 0, dense, base * FeatureEncoder.DENSE, e.dense().length);
            System.arraycopy(e.adviceBias(), 0, bias, base, e.size());
            for (int r = 0; r < e.size(); r++) {
                int row = base + r;
                rowContext[row] = b;
                grid[b * maxRows + r] = row;
                fill(e.textIds()[r], textIds, textMask, textCount, row, textLength);
                fill(e.roleIds()[r], roleIds, roleMask, roleCount, row, roleLength);
            }
            int tokenBase = tokenOffsets[b];
            System.arraycopy(e.tokenDense(), 0, tokenDense, tokenBase * FeatureEncoder.TOKEN_DENSE,
                    e.tokenDense().length);
            System.arraycopy(e.tokenBias(), 0, tokenBias, tokenBase, e.tokens());
            for (int t = 0; t < e.tokens(); t++) {
                int token = tokenBase + t;
                tokenGrid[b * maxTokens + t] = token;
                int[] ids = e.tokenIds()[t];
                for (int k = 0; k < FeatureEncoder.TOKEN_IDS; k++) {
                    tokenIds[token * FeatureEncoder.TOKEN_IDS + k] = ids[k];
                }
            }
        }
    }

    private static void fill(int[] ids, long[] out, float[] mask, float[] count, int row, int length) {
        for (int i = 0; i < ids.length; i++) {
            out[row * length + i] = ids[i];
            mask[row * length + i] = 1f;
        }
        count[row] = Math.max(1, ids.length);
    }
}
