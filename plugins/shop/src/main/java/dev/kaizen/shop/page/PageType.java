package dev.kaizen.shop.page;

import java.util.Locale;

/** The kinds of page; {@link #id()} is the value of the observation info key {@code page}. */
public enum PageType {
    /** The start page, with the search box. */
    SEARCH,
    /** A page of search results. */
    RESULTS,
    /** A product's page, with its options. */
    ITEM,
    /** A product's description. */
    DESCRIPTION,
    /** A product's feature bullets. */
    FEATURES,
    /** A product's reviews. */
    REVIEWS,
    /** The end of the episode (after a purchase or when out of steps). */
    DONE;

    /** Lowercase name: {@code search}, {@code results}, {@code item}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this is one of an item's sub-pages. */
    public boolean isItemSubPage() {
        return this == DESCRIPTION || this == FEATURES || this == REVIEWS;
    }

    /** The page type with this id, or null. */
    public static PageType of(String id) {
        for (PageType type : values()) {
            if (type.id().equals(id)) {
                return type;
            }
        }
        return null;
    }
}
