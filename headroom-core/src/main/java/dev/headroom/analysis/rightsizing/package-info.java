/**
 * Right-sizing of Kubernetes containers from measured usage, as krr and Goldilocks do: CPU and
 * memory requests and limits from usage percentiles and peaks over weeks, flags for over- and
 * under-provisioned containers with the monthly cost of the difference, and HPA bounds against the
 * replicas the measured peak needs. Pure computation over measured figures; the Prometheus
 * collector supplies them.
 */
package dev.headroom.analysis.rightsizing;
