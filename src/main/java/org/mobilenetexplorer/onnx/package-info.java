/**
 * The spec as an ONNX model (IR {@value org.mobilenetexplorer.onnx.OnnxExporter#IR_VERSION}, opset
 * {@value org.mobilenetexplorer.onnx.OnnxExporter#OPSET}), written with the generated ONNX protobuf classes that
 * {@code org.nd4j:nd4j-api} ships (Java package {@code onnx}, over the shaded {@code org.nd4j.shade.protobuf};
 * the clash of that package name with this one is harmless).
 *
 * <p>Node names map back to spec layer names: a layer's convolution node is named after the layer
 * ({@code Conv2d_3_depthwise}); its batch norm and activation are {@code Conv2d_3_depthwise/BatchNorm} and
 * {@code Conv2d_3_depthwise/Relu6}. Depends on {@code model} and {@code reference}.
 */
package org.mobilenetexplorer.onnx;
