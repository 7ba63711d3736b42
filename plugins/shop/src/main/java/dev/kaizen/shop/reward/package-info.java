/** The reward: WebShop's formula with fuzzy matching of attributes and options. */
package dev.kaizen.shop.reward;
