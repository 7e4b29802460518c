package org.mobilenetexplorer.onnx;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Map;
import java.util.TreeMap;
import org.mobilenetexplorer.onnx.proto.Onnx.ModelProto;
import org.mobilenetexplorer.onnx.proto.Onnx.NodeProto;

/** Reads ONNX model files as data, so no package but this one touches the protobuf classes. */
public final class OnnxModels {
    private OnnxModels() {
    }

    /** How many nodes of each operator type the model's graph holds (e.g. an optimized graph written by ORT). */
    public static Map<String, Integer> opCounts(byte[] model) throws InvalidProtocolBufferException {
        Map<String, Integer> counts = new TreeMap<>();
        for (NodeProto n : ModelProto.parseFrom(model).getGraph().getNodeList()) {
            counts.merge(n.getOpType(), 1, Integer::sum);
        }
        return counts;
    }
}
