/** The Lockwatch Grafana dashboards as code, and the generator of their committed JSON models. */
package io.lockwatch.dashboards;
