/**
 * Trade-off analysis: joins the cost model (MACs, params), measured latency (benchmark result files) and accuracy
 * (one source, published or estimated) per configuration; the Pareto front (see {@link
 * org.mobilenetexplorer.tradeoff.Pareto} for the tie rule) and iso-cost queries.
 *
 * <p>Depends on {@code model}, {@code bench}, {@code accuracy} and {@code published}. No JavaFX, no printing.
 */
package org.mobilenetexplorer.tradeoff;
