package dev.kaizen.djl.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pins the stems the features are hashed from: a changed stem changes every trained checkpoint. */
class StemmerTest {

    @Test
    void pluralsFoldAndOtherWordsStay() {
        String[][] cases = {
            {"shoes", "shoe"}, {"batteries", "battery"}, {"boxes", "box"}, {"watches", "watch"}, {"dishes", "dish"},
            {"glasses", "glass"}, {"tomatoes", "tomatoe"}, {"ties", "tie"}, {"dies", "die"}, {"cds", "cds"},
            {"has", "has"}, {"this", "this"}, {"does", "doe"}, {"status", "status"}, {"analysis", "analysis"},
            {"added", "added"}, {"running", "running"}, {"adjustable", "adjustable"}, {"men's", "men'"},
            {"b07xyz12s", "b07xyz12"}, {"12s", "12s"}, {"24.99", "24.99"}, {"x-large", "x-large"},
        };
        for (String[] c : cases) {
            assertThat(Stemmer.stem(c[0])).as(c[0]).isEqualTo(c[1]);
        }
    }
}
