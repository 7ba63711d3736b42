package dev.kaizen.djl.policy;

import java.util.List;

/**
 * Several encoded contexts flattened into padded arrays, ready to become tensors: rows of all
 * contexts one after another, bags padded to the longest in the batch (with masks), and a
 * {@code [contexts × maxCandidates]} grid of row indices ({@code rows} marks padding) for the
 * per-context softmax.
 */
final class EncodedBatch {

    final int contexts;
    final int rows;
    final int maxCandidates;
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
    final float[] candidateCount;
    final float[] dense;
    final float[] bias;
    final int[] offsets;

    EncodedBatch(List<EncodedContext> encoded) {
        contexts = encoded.size();
        offsets = new int[contexts + 1];
        int maxRows = 1;
        int maxText = 1;
        int maxRole = 1;
        int maxInstruction = 1;
        for (int b = 0; b < contexts; b++) {
            EncodedContext e = encoded.get(b);
            offsets[b + 1] = offsets[b] + e.rows();
            maxRows = Math.max(maxRows, e.rows());
            maxInstruction = Math.max(maxInstruction, e.instructionIds().length);
            for (int r = 0; r < e.rows(); r++) {
                maxText = Math.max(maxText, e.textIds()[r].length);
                maxRole = Math.max(maxRole, e.roleIds()[r].length);
            }
        }
        rows = offsets[contexts];
        maxCandidates = maxRows;
        textLength = maxText;
        roleLength = maxRole;
        instructionLength = maxInstruction;
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
        grid = new long[contexts * maxCandidates];
        candidateCount = new float[contexts];
        dense = new float[rows * FeatureEncoder.DENSE];
        bias = new float[rows];
        java.util.Arrays.fill(grid, rows);
        for (int b = 0; b < contexts; b++) {
            EncodedContext e = encoded.get(b);
            int base = offsets[b];
            candidateCount[b] = Math.max(1, e.rows());
            int[] instruction = e.instructionIds();
            for (int i = 0; i < instruction.length; i++) {
                instructionIds[b * instructionLength + i] = instruction[i];
                instructionMask[b * instructionLength + i] = 1f;
            }
            instructionCount[b] = Math.max(1, instruction.length);
            System.arraycopy(e.dense(), 0, dense, base * FeatureEncoder.DENSE, e.dense().length);
            System.arraycopy(e.adviceBias(), 0, bias, base, e.rows());
            for (int r = 0; r < e.rows(); r++) {
                int row = base + r;
                rowContext[row] = b;
                grid[b * maxCandidates + r] = row;
                fill(e.textIds()[r], textIds, textMask, textCount, row, textLength);
                fill(e.roleIds()[r], roleIds, roleMask, roleCount, row, roleLength);
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
