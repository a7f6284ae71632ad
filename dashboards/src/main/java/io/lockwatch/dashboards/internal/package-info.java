/** Dashboard, panel, query and variable builders, the three dashboards, and a JSON writer. */
package io.lockwatch.dashboards.internal;
