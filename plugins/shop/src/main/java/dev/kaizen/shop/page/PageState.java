package dev.kaizen.shop.page;

import static java.util.Objects.requireNonNull;

import dev.kaizen.shop.search.SearchResults;
import java.util.List;

/**
 * Where an episode is: the page, the search it came from, the product and its selected options,
 * the steps used. Immutable; a snapshot is this record (and the observation shown), so taking
 * and restoring one costs O(page state).
 *
 * @param page the page type
 * @param query the last search as typed, or the empty string
 * @param results the last search's results (empty before the first search)
 * @param resultsPage the results page shown or last shown, from 0
 * @param product the ordinal of the product on item pages, else -1
 * @param selected per option group of the product, the selected value's index, or -1
 * @param steps actions taken so far, valid or not
 */
record PageState(PageType page, String query, SearchResults results, int resultsPage, int product,
                 List<Integer> selected, int steps) {

    static final PageState START = new PageState(PageType.SEARCH, "", SearchResults.EMPTY, 0, -1, List.of(), 0);

    PageState {
        requireNonNull(page, "page is null");
        requireNonNull(query, "query is null");
        requireNonNull(results, "results is null");
        selected = List.copyOf(selected);
    }

    PageState on(PageType newPage) {
        return new PageState(newPage, query, results, resultsPage, product, selected, steps);
    }

    PageState withStep() {
        return new PageState(page, query, results, resultsPage, product, selected, steps + 1);
    }
}
