package dev.kaizen.core.recipe;

import dev.kaizen.core.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a recipe file's text. A file over {@link InputLimits#MAX_RECIPE_BYTES} is refused before
 * it is read; bytes that are not UTF-8 are refused with their offset.
 */
final class RecipeText {

    private RecipeText() {
    }

    /**
     * The text of {@code file}.
     *
     * @throws BadInputException if it cannot be read, is too big, or is not UTF-8
     */
    static String read(Path file) {
        String name = file.getFileName().toString();
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > InputLimits.MAX_RECIPE_BYTES) {
                throw tooBig(name, InputLimits.size(size));
            }
            try (InputStream in = Files.newInputStream(file)) {
                // a file that grows meanwhile, or a pipe whose size is unknown, is still read only up to the limit
                bytes = in.readNBytes(InputLimits.MAX_RECIPE_BYTES + 1);
            }
        } catch (IOException e) {
            throw new BadInputException("cannot read recipe " + file + ": " + e.getMessage(), e);
        }
        if (bytes.length > InputLimits.MAX_RECIPE_BYTES) {
            throw tooBig(name, "more than " + InputLimits.binary(InputLimits.MAX_RECIPE_BYTES));
        }
        return decode(bytes, name);
    }

    private static BadInputException tooBig(String name, String size) {
        return new BadInputException(name + ": the recipe is " + size + "; a recipe is at most "
                + InputLimits.binary(InputLimits.MAX_RECIPE_BYTES));
    }

    /** {@code bytes} as UTF-8, or a message naming the first byte that is not UTF-8. */
    static String decode(byte[] bytes, String name) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new BadInputException(String.format(Locale.ROOT, "%s: the recipe is not UTF-8 text: byte 0x%02X at "
                    + "offset %d (line %d) is not valid UTF-8; save the recipe as UTF-8", name, bytes[offset] & 0xFF,
                    offset, line));
        }
        return out.flip().toString();
    }
}
