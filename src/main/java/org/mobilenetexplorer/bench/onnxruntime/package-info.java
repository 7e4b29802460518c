/**
 * The {@code onnxruntime} backend: the spec exported to ONNX in memory ({@code onnx} package) and run by ONNX
 * Runtime's CPU execution provider. Options ({@link org.mobilenetexplorer.bench.BackendOptions#extra()}):
 * {@code optimization=all|extended|basic|none} (graph optimisation level, default all) and
 * {@code graph=unfolded|folded} (batch norm as its own nodes, as trained, which ORT folds itself from level basic
 * on; or folded at export; default unfolded). Intra-op threads = {@code threads} (0 = all cores), inter-op 1,
 * sequential execution.
 */
package org.mobilenetexplorer.bench.onnxruntime;
