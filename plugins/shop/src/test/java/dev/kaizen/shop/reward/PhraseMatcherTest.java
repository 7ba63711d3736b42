package dev.kaizen.shop.reward;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.shop.catalog.PhraseNormalizer;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {

    @Test
    void normalisesCasePunctuationPluralsAndDecimals() {
        assertThat(PhraseNormalizer.normalize("  Water-Resistant!! ")).isEqualTo("water resistant");
        assertThat(PhraseNormalizer.normalize("Zip Pockets")).isEqualTo("zip pocket");
        assertThat(PhraseNormalizer.normalize("glass")).isEqualTo("glass");
        assertThat(PhraseNormalizer.normalize("33.8 fl oz")).isEqualTo("33.8 fl oz");
        assertThat(PhraseNormalizer.normalize("end. 5")).isEqualTo("end 5");
        assertThat(PhraseNormalizer.normalize("black & red")).isEqualTo("black and red");
        assertThat(PhraseNormalizer.normalize("")).isEmpty();
    }

    @Test
    void sameIgnoresSpellingDetailsButNotWords() {
        assertThat(PhraseMatcher.same("water proof", "Waterproof")).isTrue();
        assertThat(PhraseMatcher.same("x-large", "XLarge")).isTrue();
        assertThat(PhraseMatcher.same("large", "x-large")).isFalse();
        assertThat(PhraseMatcher.same("noise canceling", "noise cancelling")).isFalse();
    }

    @Test
    void similarToleratesOneTypoOnlyInLongPhrasesWithoutDigits() {
        assertThat(PhraseMatcher.similar("noise canceling", "noise cancelling")).isTrue();
        assertThat(PhraseMatcher.similar("organic", "organics")).isTrue();
        assertThat(PhraseMatcher.similar("silent", "silence")).isFalse();
        assertThat(PhraseMatcher.similar("slim", "slip")).as("too short for typos").isFalse();
        assertThat(PhraseMatcher.similar("size 8 wide", "size 9 wide")).as("digits never fuzzy").isFalse();
        assertThat(PhraseMatcher.withinOneEdit("abcdef", "abcxef")).isTrue();
        assertThat(PhraseMatcher.withinOneEdit("abcdef", "abdcef")).isFalse();
        assertThat(PhraseMatcher.withinOneEdit("abcdef", "abcdefgh")).isFalse();
    }
}
