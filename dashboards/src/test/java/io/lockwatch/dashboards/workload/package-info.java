/** A workload that makes the exporter's Prometheus endpoint serve every Lockwatch metric. */
package io.lockwatch.dashboards.workload;
