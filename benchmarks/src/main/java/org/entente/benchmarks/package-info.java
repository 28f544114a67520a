/** The benchmark harness. */
package org.entente.benchmarks;
