/** Product search: a Lucene BM25 index over the catalog, with cached results. */
package dev.kaizen.shop.search;
