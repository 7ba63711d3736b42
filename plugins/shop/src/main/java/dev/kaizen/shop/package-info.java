/**
 * The store: an embedded WebShop-like shopping environment, registered as environment
 * {@code shop}. See {@link dev.kaizen.shop.ShopEnvironment} and {@link dev.kaizen.shop.ShopConfig}.
 */
package dev.kaizen.shop;
