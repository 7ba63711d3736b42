/**
 * The store's catalog: the vocabulary it is written from, the deterministic generator, products
 * with their text, and the families of targets and near-misses that goals are made from.
 */
package dev.kaizen.shop.catalog;
