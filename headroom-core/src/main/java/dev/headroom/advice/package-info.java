/**
 * The advisor's entry point: {@link dev.headroom.advice.Advisor} turns a system specification into
 * an {@link dev.headroom.advice.Advice}. The command line, the server and anyone embedding headroom
 * in a test suite call this one API.
 */
package dev.headroom.advice;
