package dev.kaizen.djl.text;

/**
 * A light English stemmer for matching: folds plurals and a few common suffixes so that
 * "shoes"/"shoe" and "batteries"/"battery" meet. Not a linguistic stemmer; stable and cheap.
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
