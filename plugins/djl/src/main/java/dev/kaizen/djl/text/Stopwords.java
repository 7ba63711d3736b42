package dev.kaizen.djl.text;

import java.util.Set;

/** Common English function words, which carry no content when matching texts. */
public final class Stopwords {

    private static final Set<String> WORDS = Set.copyOf(java.util.Arrays.asList(
            "a", "an", "the", "i", "im", "i'm", "me", "my", "we", "us", "our", "you", "your", "it", "its", "this",
            "that", "these", "those", "is", "are", "was", "were", "be", "been", "am", "do", "does", "did", "have",
            "has", "had", "will", "would", "can", "could", "should", "shall", "may", "might", "must", "and", "or",
            "but", "if", "then", "so", "as", "of", "for", "with", "without", "in", "on", "at", "to", "from", "by",
            "into", "about", "than", "too", "very", "also", "just", "some", "any", "all", "each", "one", "which",
            "what", "who", "where", "when", "how", "please", "want", "wants", "need", "needs", "looking", "look",
            "find", "get", "buy", "like", "would", "it's", "there", "here", "not", "no", "yes", "up", "out", "that's",
            "something", "anything", "thing", "things", "them", "they", "their", "he", "she", "his", "her"));

    private Stopwords() {
    }

    /** Whether {@code word} (lowercase) is a function word. */
    public static boolean contains(String word) {
        return WORDS.contains(word);
    }
}
