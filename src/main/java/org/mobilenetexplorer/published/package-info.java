/**
 * Published numbers with their provenance: the paper's, TF-Slim's, TFLite's and Keras' tables of accuracy,
 * MACs and params, and published phone latencies, bundled from the project's reference data. Published values
 * are data to show beside ours, never the truth: computed values are (see {@code model}).
 *
 * <p>Depends on {@code model} and Jackson.
 */
package org.mobilenetexplorer.published;
