/**
 * Validation shared by this plugin's config records: messages name the field, its value and what is
 * allowed ({@link dev.kaizen.djl.config.Fields}); the fields every trainer has are checked in one
 * place ({@link dev.kaizen.djl.config.TrainingFields}).
 */
package dev.kaizen.djl.config;
