/** Validation shared by this plugin's config records: messages name the field, its value and what is allowed. */
package dev.kaizen.djl.config;
