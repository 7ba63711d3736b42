/** The expert that demonstrates each task, reading the goal's ground truth. */
package dev.kaizen.shop.expert;
