/**
 * Live collectors: connect read-only to a running server, read its statistics twice a window apart,
 * and return an {@link dev.headroom.ingest.evidence.EvidenceFile} of measured observations. They
 * never write, never print a credential, time out on connect and read, and say what they could not
 * see (a missing extension or privilege) instead of failing.
 */
package dev.headroom.collect;
