/**
 * What one load-test run says on its own, before there are enough concurrency levels for a curve:
 * its counts, rates and percentiles against a service-level objective, what the operational laws
 * (Little's law, the interactive response time law, the utilisation law) say about it, and which
 * concurrency levels to measure next.
 */
package dev.headroom.analysis.run;
