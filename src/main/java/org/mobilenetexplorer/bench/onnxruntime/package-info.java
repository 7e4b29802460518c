/**
 * The {@code onnxruntime} backend: the spec exported to ONNX in memory ({@code onnx} package) and run by ONNX
 * Runtime's CPU execution provider. Options ({@link org.mobilenetexplorer.bench.BackendOptions#extra()}):
 * {@code optimization=all|extended|basic|none} (graph optimisation level, default all) and
 * {@code graph=unfolded|folded} (batch norm as its own nodes, as trained, which ORT folds itself from level basic
 * on; or folded at export; default unfolded), {@code precision=int8} (the QDQ model of {@code onnx.QdqExporter};
 * absent = FP32) and, with int8, {@code firstConv=fp32|int8} (keep the first convolution FP32, the default, or
 * quantize it too). Intra-op threads = {@code threads} (0 = all cores), inter-op 1,
 * sequential execution.
 */
package org.mobilenetexplorer.bench.onnxruntime;
