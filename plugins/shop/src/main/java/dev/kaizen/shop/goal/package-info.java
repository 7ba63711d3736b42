/**
 * Goals: what each task asks for, the instructions that word them, and the generator that checks
 * every goal can be reached by the expert's query.
 */
package dev.kaizen.shop.goal;
