package dev.kaizen.shop.search;

import dev.kaizen.shop.catalog.Catalog;
import dev.kaizen.shop.catalog.Product;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;

/**
 * BM25 search over the catalog with Lucene: an in-memory index with one document per product,
 * whose {@code contents} field holds its title, its attributes (as the product words them) and
 * its description (as WebShop indexes one {@code contents} field with Pyserini), built once at
 * start-up.
 *
 * <p>A query is analysed like the documents (Lucene's {@link EnglishAnalyzer}: lowercase, English
 * stop words removed, possessives removed, Porter stemming); its distinct terms (the first
 * {@value #MAX_TERMS}), sorted, are OR-ed and scored with BM25 (k1 = 1.2, b = 0.75), so word order
 * does not change the results. Ties keep catalog order. Results are cached per analysed query, so repeated searches (tree
 * search, many episodes of a task) cost a map look-up.
 *
 * <p>Thread-safe: searches may run concurrently. The creator closes it.
 */
public final class ProductIndex implements AutoCloseable {

    /** The most results a search returns. */
    public static final int MAX_RESULTS = 50;
    /** Query terms beyond this many are ignored. */
    public static final int MAX_TERMS = 32;
    private static final int CACHE_LIMIT = 50_000;

    private static final String CONTENTS = "contents";

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory(
            new SingleInstanceLockFactory(), ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final ConcurrentHashMap<String, SearchResults> cache = new ConcurrentHashMap<>();

    /** Indexes every product of {@code catalog}. */
    public ProductIndex(Catalog catalog) {
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setSimilarity(new BM25Similarity())
                    .setRAMBufferSizeMB(256)
                    .setMaxBufferedDocs(Math.max(2, catalog.products().size() + 1))
                    .setUseCompoundFile(false)
                    .setCommitOnClose(true);
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                for (Product product : catalog.products()) {
                    String contents = product.title() + " ; " + String.join(" ; ", product.attributePhrases()) + " ; "
                            + product.description();
                    Document document = new Document();
                    document.add(new TextField(CONTENTS, contents, Field.Store.NO));
                    writer.addDocument(document);
                }
            }
            reader = DirectoryReader.open(directory);
            if (reader.leaves().size() != 1 || reader.maxDoc() != catalog.products().size()) {
                throw new IllegalStateException("expected one index segment of " + catalog.products().size()
                        + " documents, got " + reader.leaves().size() + " segments of " + reader.maxDoc());
            }
            searcher = new IndexSearcher(reader);
            searcher.setSimilarity(new BM25Similarity());
            searcher.setQueryCache(null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the product index", e);
        }
    }

    /**
     * The top {@value #MAX_RESULTS} products for {@code query}, best first, as catalog ordinals.
     * A query without searchable words (empty, only stop words or punctuation) finds nothing.
     */
    public SearchResults search(String query) {
        List<String> terms = terms(query);
        // An OR of terms scores the same in any order: sort them, so that reordered queries build
        // the same Lucene query (identical floating-point sums) and share one cache entry.
        Collections.sort(terms);
        String key = String.join(" ", terms);
        SearchResults cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        SearchResults results = run(terms);
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.putIfAbsent(key, results);
        return results;
    }

    private SearchResults run(List<String> terms) {
        if (terms.isEmpty()) {
            return SearchResults.EMPTY;
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (String term : terms) {
            builder.add(new TermQuery(new Term(CONTENTS, term)), BooleanClause.Occur.SHOULD);
        }
        try {
            TopDocs top = searcher.search(builder.build(),
                    new TopScoreDocCollectorManager(MAX_RESULTS, null, MAX_RESULTS));
            int[] ordinals = new int[top.scoreDocs.length];
            for (int i = 0; i < ordinals.length; i++) {
                ScoreDoc hit = top.scoreDocs[i];
                ordinals[i] = hit.doc;
            }
            return new SearchResults(ordinals);
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        }
    }

    /** Drops every cached result, so that the next searches run the index again (for benchmarks). */
    public void clearCache() {
        cache.clear();
    }

    /** The distinct analysed terms of {@code query}, in order, at most {@value #MAX_TERMS}. */
    List<String> terms(String query) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(CONTENTS, query)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms.size() < MAX_TERMS) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse the query", e);
        }
        return new ArrayList<>(terms);
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
            analyzer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
