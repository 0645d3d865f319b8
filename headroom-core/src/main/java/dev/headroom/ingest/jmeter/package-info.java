/**
 * Readers for Apache JMeter result files (JTL), in CSV ({@link
 * dev.headroom.ingest.jmeter.JMeterCsvReader}) and XML ({@link
 * dev.headroom.ingest.jmeter.JMeterXmlReader}). Both stream the file once and share {@link
 * dev.headroom.ingest.jmeter.JtlSamples}, which decides what a row means: Transaction Controller
 * rows are left out, aggregated rows ({@code SampleCount} &gt; 1) are weighted, and each request is
 * assigned to the {@code allThreads} level it completed at.
 */
package dev.headroom.ingest.jmeter;
