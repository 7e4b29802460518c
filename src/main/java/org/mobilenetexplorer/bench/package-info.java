/**
 * Inference backends and the benchmark protocol. This package knows nothing of DL4J, ONNX Runtime or JavaFX:
 * backends are found by id through {@link java.util.ServiceLoader} ({@code META-INF/services}); their code lives
 * in {@code bench.dl4j} and {@code bench.onnxruntime}.
 *
 * <p>Latency does not depend on weight values: every backend runs the same deterministic seeded random weights.
 */
package org.mobilenetexplorer.bench;
