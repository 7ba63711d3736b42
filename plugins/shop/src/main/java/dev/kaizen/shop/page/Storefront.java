package dev.kaizen.shop.page;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.env.Action;
import java.util.ArrayList;
import java.util.List;
import dev.kaizen.shop.catalog.Catalog;
import dev.kaizen.shop.catalog.OptionGroup;
import dev.kaizen.shop.catalog.Product;
import dev.kaizen.shop.reward.RewardFunction;
import dev.kaizen.shop.search.ProductIndex;

/**
 * Everything episodes share: the catalog, the search index, the reward, the step limit, and the
 * per-product action texts and descriptions, made once. Immutable and thread-safe; it does not
 * own the index (the environment closes that).
 */
public final class Storefront {

    /** {@code click[Back to Search]}. */
    public static final Action BACK_TO_SEARCH = Action.of("click", "Back to Search");
    /** {@code click[< Prev]}. */
    public static final Action PREV = Action.of("click", "< Prev");
    /** {@code click[Next >]}. */
    public static final Action NEXT = Action.of("click", "Next >");
    /** {@code click[Description]}. */
    public static final Action DESCRIPTION = Action.of("click", "Description");
    /** {@code click[Features]}. */
    public static final Action FEATURES = Action.of("click", "Features");
    /** {@code click[Reviews]}. */
    public static final Action REVIEWS = Action.of("click", "Reviews");
    /** {@code click[Buy Now]}. */
    public static final Action BUY_NOW = Action.of("click", "Buy Now");
    /** The free-text search action, offered on the search page only. */
    public static final String SEARCH_TEMPLATE = "search[{}]";
    /** Products per results page. */
    public static final int PAGE_SIZE = 10;

    private final Catalog catalog;
    private final ProductIndex index;
    private final RewardFunction reward;
    private final int maxSteps;
    private final Action[] productActions;
    private final String[] productDescriptions;
    private final String[] resultLines;
    private final String[] itemHeaders;
    private final Action[][] optionActions;

    public Storefront(Catalog catalog, ProductIndex index, int maxSteps) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.index = requireNonNull(index, "index is null");
        this.reward = new RewardFunction(catalog.lexicon());
        this.maxSteps = maxSteps;
        int n = catalog.products().size();
        productActions = new Action[n];
        productDescriptions = new String[n];
        resultLines = new String[n];
        itemHeaders = new String[n];
        optionActions = new Action[n][];
        for (Product product : catalog.products()) {
            int i = product.ordinal();
            productActions[i] = Action.of("click", product.id());
            productDescriptions[i] = product.title() + PageRenderer.SEP + product.priceText();
            resultLines[i] = "[" + product.id() + "]" + PageRenderer.SEP + productDescriptions[i] + "\n";
            StringBuilder header = new StringBuilder(256);
            header.append("[Back to Search]").append(PageRenderer.SEP).append("[< Prev]\n");
            header.append(product.title()).append('\n');
            header.append("Price: ").append(product.priceText()).append(PageRenderer.SEP).append("Rating: ")
                    .append(product.rating()).append(" out of 5 (").append(product.ratingCount()).append(" ratings)\n");
            List<Action> options = new ArrayList<>();
            for (OptionGroup group : product.options()) {
                header.append(group.name()).append(':');
                for (int v = 0; v < group.values().size(); v++) {
                    String value = group.values().get(v);
                    options.add(Action.of("click", value));
                    header.append(v == 0 ? " " : PageRenderer.SEP).append('[').append(value).append(']');
                }
                header.append('\n');
            }
            itemHeaders[i] = header.toString();
            optionActions[i] = options.toArray(new Action[0]);
        }
    }

    public Catalog catalog() {
        return catalog;
    }

    public ProductIndex index() {
        return index;
    }

    public RewardFunction reward() {
        return reward;
    }

    public int maxSteps() {
        return maxSteps;
    }

    /** {@code click[ID]} for the product with this ordinal. */
    public Action productAction(int ordinal) {
        return productActions[ordinal];
    }

    /** What a results page shows about a product: {@code title [SEP] $price}. */
    String productDescription(int ordinal) {
        return productDescriptions[ordinal];
    }

    /** A product's line on a results page. */
    String resultLine(int ordinal) {
        return resultLines[ordinal];
    }

    /** The item page of a product down to its option rows (the selection line and buttons follow). */
    String itemHeader(int ordinal) {
        return itemHeaders[ordinal];
    }

    /** {@code click[value]} for each option value of a product, group by group. */
    Action[] optionActions(int ordinal) {
        return optionActions[ordinal];
    }
}
