package dev.kaizen.djl.text;

/**
 * A light English stemmer for matching: folds plurals and a few common suffixes so that
 * "shoes"/"shoe" and "batteries"/"battery" meet. Not a linguistic stemmer; stable and cheap.
 *
 * <p>Lucene's English stemmers fold other words, so they would change the features: its
 * {@code EnglishMinimalStemmer} keeps "shoes" and "tomatoes", turns "boxes" into "boxe", "watches"
 * into "watche", "ties" into "ty" and "has" into "ha"; {@code PorterStemmer}, {@code KStemmer} and
 * the Snowball stemmers also strip "-ed", "-ing", "-able" and the like ("added", "adjustable").
 */
public final class Stemmer {

    private Stemmer() {
    }

    /** The stem of a lowercase word. */
    public static String stem(String word) {
        int n = word.length();
        if (n <= 3 || !Character.isLetter(word.charAt(n - 1))) {
            return word;
        }
        if (word.endsWith("ies") && n > 4) {
            return word.substring(0, n - 3) + "y";
        }
        if (word.endsWith("sses")) {
            return word.substring(0, n - 2);
        }
        if (word.endsWith("ches") || word.endsWith("shes") || word.endsWith("xes")) {
            return word.substring(0, n - 2);
        }
        if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) {
            return word.substring(0, n - 1);
        }
        return word;
    }
}
