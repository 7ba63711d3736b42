/**
 * Pages and episodes: the page state machine (search, results, item and its sub-pages), how
 * pages are rendered as observations, and snapshots for tree search.
 */
package dev.kaizen.shop.page;
