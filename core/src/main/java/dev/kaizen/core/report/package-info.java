/** The run report: {@code report.html} with PNG learning curves drawn with XChart. */
package dev.kaizen.core.report;
