/**
 * The report of {@code headroom collect prometheus}: the golden signals it measured (with how each
 * was read) and the Kubernetes right-sizing of each container, as text, Markdown or JSON.
 */
package dev.headroom.report.rightsizing;
