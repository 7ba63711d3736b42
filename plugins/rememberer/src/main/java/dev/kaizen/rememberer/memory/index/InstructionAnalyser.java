package dev.kaizen.rememberer.memory.index;

import dev.kaizen.rememberer.memory.record.InstructionTerms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Analyses instructions as the index does (English analyser: lower case, stop words, Porter
 * stems) into {@link InstructionTerms}, keeping the 4096 most recently used. Owns the analyser,
 * which the memory's index writers share; {@link #close} releases it. Not thread-safe.
 */
public final class InstructionAnalyser implements AutoCloseable {

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final Map<String, InstructionTerms> analysed = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, InstructionTerms> eldest) {
            return size() > 4096;
        }
    };

    /** The analysed terms of an instruction (cached). */
    public InstructionTerms terms(String instruction) {
        InstructionTerms cached = analysed.get(instruction);
        if (cached != null) {
            return cached;
        }
        TreeSet<String> terms = new TreeSet<>();
        int length = 0;
        try (TokenStream stream = analyzer.tokenStream(MemoryDocuments.INSTRUCTION, instruction)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
                length++;
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse instruction: " + e.getMessage(), e);
        }
        InstructionTerms result = terms.isEmpty() ? InstructionTerms.EMPTY
                : new InstructionTerms(terms.toArray(String[]::new), length);
        analysed.put(instruction, result);
        return result;
    }

    /** The analyser itself, for index writers. */
    Analyzer analyzer() {
        return analyzer;
    }

    @Override
    public void close() {
        analyzer.close();
    }
}
