/**
 * The household's world: the vocabulary (receptacle, object and room types), layouts (the
 * furniture of a room), worlds (a layout with objects placed in it) and the state of a world
 * during an episode.
 */
package dev.kaizen.household.world;
