package dev.kaizen.shop.catalog;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The store's products, their types and the families goals are made from. Built by
 * {@link CatalogGenerator}; immutable and thread-safe.
 */
public final class Catalog {

    private final Vocabulary vocabulary;
    private final Lexicon lexicon;
    private final List<ProductType> types;
    private final List<Product> products;
    private final List<Family> families;
    private final Map<String, Product> byId;

    Catalog(Vocabulary vocabulary, Lexicon lexicon, List<ProductType> types, List<Product> products,
            List<Family> families) {
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
        this.lexicon = requireNonNull(lexicon, "lexicon is null");
        this.types = List.copyOf(types);
        this.products = List.copyOf(products);
        this.families = List.copyOf(families);
        Map<String, Product> ids = new HashMap<>(products.size() * 2);
        for (Product product : products) {
            if (ids.put(product.id(), product) != null) {
                throw new IllegalStateException("duplicate product id " + product.id());
            }
        }
        this.byId = ids;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    /** The product types, in category then vocabulary order. */
    public List<ProductType> types() {
        return types;
    }

    /** The products; a product's ordinal is its position here. */
    public List<Product> products() {
        return products;
    }

    /** The families (targets with their near-misses), in generation order. */
    public List<Family> families() {
        return families;
    }

    /** The product with this id (case-insensitive), or null. */
    public Product product(String id) {
        return byId.get(id.toUpperCase(Locale.ROOT));
    }

    /** The product at {@code ordinal}. */
    public Product product(int ordinal) {
        return products.get(ordinal);
    }

    /**
     * Writes every fact of every product and family as text, one field a line. Two catalogs are
     * the same exactly when their dumps are byte-identical.
     */
    public void dump(Writer out) {
        try {
            for (Product p : products) {
                out.write(p.ordinal() + "\t" + p.id() + "\t" + p.type().pathText() + "\t" + p.brand() + "\t"
                        + p.priceText() + "\t" + p.rating() + "\t" + p.ratingCount() + "\n");
                out.write("  title\t" + p.title() + "\n");
                out.write("  attributes\t" + p.attributes() + "\t" + p.attributePhrases() + "\n");
                for (OptionGroup group : p.options()) {
                    out.write("  option\t" + group.name() + "\t" + group.values() + "\n");
                }
                out.write("  description\t" + p.description() + "\n");
                for (String feature : p.features()) {
                    out.write("  feature\t" + feature + "\n");
                }
                for (Review review : p.reviews()) {
                    out.write("  review\t" + review.stars() + "\t" + review.text() + "\n");
                }
            }
            for (Family f : families) {
                out.write("family\t" + f.index() + "\t" + f.target() + "\t" + f.maxBudget() + "\t" + f.distractors() + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
