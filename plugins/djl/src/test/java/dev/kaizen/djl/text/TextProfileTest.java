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
    void budgetsReadAsPrices() {
        assertThat(TextProfile.analyse("price lower than 40.00 dollars").budget()).isEqualTo(40.0);
        assertThat(TextProfile.analyse("under 35 dollars, pack of 12").budget()).isEqualTo(35.0);
        assertThat(TextProfile.analyse("a pack of 12").budget()).isNaN();
    }

    @Test
    void stemsMatchPluralsAndHyphenParts() {
        TextProfile a = TextProfile.analyse("waterproof hiking boots");
        TextProfile b = TextProfile.analyse("Hiking Boot - Waterproof");
        assertThat(TextProfile.common(a.stems(), b.stems())).isEqualTo(3);
        TextProfile c = TextProfile.analyse("x-large");
        assertThat(TextProfile.common(c.stems(), TextProfile.analyse("large").stems())).isEqualTo(1);
        assertThat(TextProfile.analyse("batteries").stems()).containsExactly(TextProfile.analyse("battery").stems());
        // function words carry no content
        assertThat(TextProfile.analyse("i need a").stems()).isEmpty();
    }

    @Test
    void trigramsAreFuzzyAndSequencesExact() {
        TextProfile a = TextProfile.analyse("moisturizing cream");
        TextProfile b = TextProfile.analyse("moisturising creme");
        int common = TextProfile.common(a.trigrams(), b.trigrams());
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
}
