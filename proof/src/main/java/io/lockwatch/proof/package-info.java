/** Evidence for production: the {@code lockwatch bench} harnesses (overhead on H2, soak). */
package io.lockwatch.proof;
