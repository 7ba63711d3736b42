package dev.kaizen.djl.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextProfileTest {

    @Test
    void tokensKeepHyphensApostrophesAndDecimals() {
        TextProfile p = TextProfile.analyse("Men's X-Large tee, $24.99; pack of 3.");
        assertThat(p.size()).isEqualTo(7);
        assertThat(p.token(0)).isEqualTo("men's");
        assertThat(p.token(1)).isEqualTo("x-large");
        assertThat(p.token(3)).isEqualTo("24.99");
        assertThat(p.boundaryBefore(4)).isTrue();
        assertThat(p.boundaryBefore(1)).isFalse();
        assertThat(p.span(1, 3)).isEqualTo("x-large tee");
        assertThat(p.numbers()).containsExactly(24.99, 3.0);
        assertThat(p.prices()).containsExactly(24.99);
    }

    @Test
    void structuredValuesAreWholeTokensNotTheNumbersInside() {
        TextProfile time = TextProfile.analyse("Book the 7:30 table, departing 12:45:00.");
        assertThat(time.token(2)).isEqualTo("7:30");
        assertThat(time.token(5)).isEqualTo("12:45:00");
        assertThat(time.numbers()).isEmpty();
        assertThat(time.isNumber(2)).isFalse();
        TextProfile quantity = TextProfile.analyse("a quantity of 7");
        assertThat(quantity.numbers()).containsExactly(7.0);
        assertThat(TextProfile.analyse("on 5/1/2024 or 2024-05-01: a 2x4 board, 10-20 pieces").numbers()).isEmpty();
        TextProfile price = TextProfile.analyse("pay $1,250.00 now, or 1,000 dollars");
        assertThat(price.token(1)).isEqualTo("1,250.00");
        assertThat(price.numbers()).containsExactly(1250.0, 1000.0);
        assertThat(price.prices()).containsExactly(1250.0, 1000.0);
        // a list of numbers keeps its numbers; a sentence's full stop or colon is not part of a value
        assertThat(TextProfile.analyse("sizes 10,12,14").numbers()).containsExactly(10.0, 12.0, 14.0);
        assertThat(TextProfile.analyse("pack of 3. Note: 4 left").numbers()).containsExactly(3.0, 4.0);
        assertThat(TextProfile.analyse("ratio 16:9").token(1)).isEqualTo("16:9");
    }

    @Test
    void budgetsReadAsPrices() {
        assertThat(TextProfile.analyse("price lower than 40.00 dollars").budget()).isEqualTo(40.0);
        assertThat(TextProfile.analyse("under 35 dollars, pack of 12").budget()).isEqualTo(35.0);
        assertThat(TextProfile.analyse("a pack of 12").budget()).isNaN();
    }

    @Test
    void stemsMatchPluralsAndHyphenParts() {
        TextProfile a = TextProfile.analyse("waterproof hiking boots");
        TextProfile b = TextProfile.analyse("Hiking Boot - Waterproof");
        assertThat(SortedSets.common(a.stems(), b.stems())).isEqualTo(3);
        TextProfile c = TextProfile.analyse("x-large");
        assertThat(SortedSets.common(c.stems(), TextProfile.analyse("large").stems())).isEqualTo(1);
        assertThat(TextProfile.analyse("batteries").stems()).containsExactly(TextProfile.analyse("battery").stems());
        // function words carry no content
        assertThat(TextProfile.analyse("i need a").stems()).isEmpty();
    }

    @Test
    void trigramsAreFuzzyAndSequencesExact() {
        TextProfile a = TextProfile.analyse("moisturizing cream");
        TextProfile b = TextProfile.analyse("moisturising creme");
        int common = SortedSets.common(a.trigrams(), b.trigrams());
        assertThat(common).isGreaterThan(a.trigrams().length / 2);
        assertThat(TextProfile.analyse("in color dark blue, size 10").containsSequence(TextProfile.analyse("Dark Blue")))
                .isTrue();
        assertThat(TextProfile.analyse("dark and blue").containsSequence(TextProfile.analyse("dark blue"))).isFalse();
    }

    @Test
    void hashesAreStableAndBucketsSkipPadding() {
        assertThat(TextHash.of("w", "boot")).isEqualTo(TextHash.of("w", "boot"));
        assertThat(TextHash.of("w", "boot")).isNotEqualTo(TextHash.of("r", "boot"));
        for (int i = 0; i < 1000; i++) {
            int bucket = TextHash.bucket(TextHash.of("w", "word" + i), 1024);
            assertThat(bucket).isBetween(1, 1023);
        }
        assertThat(TextHash.of("w", "boot")).isEqualTo(8346836073448909532L);
    }

    @Test
    void stemsAreTheSameWhenTokensWereSeenBefore() {
        // each token's stems are kept after the first analysis; a text analysed later reuses them
        String text = "Men's X-Large wool-blend socks, 3 pairs; the hiking socks for winter";
        TextProfile first = TextProfile.analyse(text);
        TextProfile again = TextProfile.analyseWords(text);
        assertThat(again.stems()).containsExactly(first.stems());
        // content words and the parts of hyphenated ones; "the" and "for" are function words
        long[] expected = java.util.stream.Stream.of("men's", "x-large", "x", "large", "wool-blend", "wool", "blend",
                "socks", "3", "pairs", "hiking", "winter")
                .mapToLong(word -> TextHash.of("s", Stemmer.stem(word))).sorted().distinct().toArray();
        assertThat(first.stems()).containsExactly(expected);
        assertThat(SortedSets.common(TextProfile.analyse("sock").stems(), first.stems())).isEqualTo(1);
        assertThat(SortedSets.common(TextProfile.analyse("blend").stems(), first.stems())).isEqualTo(1);
        assertThat(SortedSets.common(TextProfile.analyse("the for").stems(), first.stems())).isZero();
    }
}
