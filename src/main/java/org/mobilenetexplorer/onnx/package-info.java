/**
 * The spec as an ONNX model (IR {@value org.mobilenetexplorer.onnx.OnnxExporter#IR_VERSION}, opset
 * {@value org.mobilenetexplorer.onnx.OnnxExporter#OPSET}), written with protobuf classes generated at build time
 * from {@code src/main/proto/onnx/onnx.proto} (ONNX 1.12.0, IR 8) into {@code org.mobilenetexplorer.onnx.proto}
 * over {@code com.google.protobuf} (docs/decisions/008-onnx-protobuf-classes.md). No DL4J class is used here; the
 * generated classes and the protobuf runtime are confined to this package (ArchitectureTest).
 *
 * <p>Node names map back to spec layer names: a layer's convolution node is named after the layer
 * ({@code Conv2d_3_depthwise}); its batch norm and activation are {@code Conv2d_3_depthwise/BatchNorm} and
 * {@code Conv2d_3_depthwise/Relu6}. Depends on {@code model} and {@code reference}.
 */
package org.mobilenetexplorer.onnx;
