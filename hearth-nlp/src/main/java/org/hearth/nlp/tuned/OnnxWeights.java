package org.hearth.nlp.tuned;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads and replaces the float weights of a BERT encoder stored as an ONNX model, by their BERT
 * names, without ONNX's generated classes: the file is parsed as plain protobuf fields.
 *
 * <p>In the exported bge-small file, biases, norms and embeddings are initializers under their BERT
 * names; the six matrices of each layer are anonymous initializers ({@code onnx::MatMul_1525})
 * named here after the MatMul node that reads them ({@code /encoder/layer.0/attention/self/query/MatMul}
 * gives {@code encoder.layer.0.attention.self.query.weight}). Matrices are stored as ONNX MatMul
 * reads them: input dimension first.
 */
public final class OnnxWeights {

    // ModelProto.graph, GraphProto.node / .initializer, NodeProto.input / .name / .op_type,
    // TensorProto.dims / .data_type / .name / .raw_data (onnx.proto3).
    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int NODE_INPUT = 1;
    private static final int NODE_NAME = 3;
    private static final int NODE_OP = 4;
    private static final int TENSOR_DIMS = 1;
    private static final int TENSOR_TYPE = 2;
    private static final int TENSOR_FLOATS = 4;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_RAW = 9;
    private static final int FLOAT = 1;

    private static final String QUANTIZED = "_quantized";
    private static final Pattern LAYER_MATMUL_QUANT =
            Pattern.compile("/encoder/layer\\.(\\d+)/(attention/self/query|attention/self/key|attention/self/value"
                    + "|attention/output/dense|intermediate/dense|output/dense)/MatMul_quant");
    private static final Pattern LAYER_MATMUL =
            Pattern.compile("/encoder/layer\\.(\\d+)/(attention/self/query|attention/self/key|attention/self/value"
                    + "|attention/output/dense|intermediate/dense|output/dense)/MatMul");

    /** One float tensor. */
    public record Tensor(long[] dims, float[] values) {}

    private OnnxWeights() {}

    /** Every float initializer of the model, by BERT name, in file order. */
    public static Map<String, Tensor> read(byte[] model) {
        return read(model, null);
    }

    /** The float initializers with the given BERT names (all when {@code names} is null), in file order. */
    public static Map<String, Tensor> read(byte[] model, java.util.@Nullable Set<String> names) {
        Parsed p = parse(model);
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (UnknownFieldSet t : p.initializers) {
            if (!t.hasField(TENSOR_RAW)
                    || t.getField(TENSOR_TYPE).getVarintList().getFirst() != FLOAT) {
                continue;
            }
            String name = p.bertNames.getOrDefault(name(t), name(t));
            if (names != null && !names.contains(name)) {
                continue;
            }
            long[] dims = t.getField(TENSOR_DIMS).getVarintList().stream()
                    .mapToLong(Long::longValue)
                    .toArray();
            out.put(name, new Tensor(dims, floats(raw(t))));
        }
        return out;
    }

    /**
     * The model with some weights replaced (by BERT name; each of the same size as before).
     *
     * @throws IllegalArgumentException if a name is unknown or a size differs
     */
    public static byte[] patch(byte[] model, Map<String, float[]> replacements) {
        Parsed p = parse(model);
        Map<String, float[]> left = new HashMap<>(replacements);
        Map<String, Quantized> quantized = new HashMap<>();
        UnknownFieldSet.Field.Builder inits = UnknownFieldSet.Field.newBuilder();
        for (UnknownFieldSet t : p.initializers) {
            String own = name(t);
            String matrix = p.quantizedNames.containsKey(own) ? p.quantizedNames.get(own) : p.scaleNames.get(own);
            if (matrix != null && replacements.containsKey(matrix)) {
                // An int8 matrix of a dynamically quantized model: its values and its scales.
                left.remove(matrix);
                Quantized q =
                        quantized.computeIfAbsent(matrix, m -> Quantized.of(replacements.get(m), columns(t, own)));
                inits.addLengthDelimited(p.quantizedNames.containsKey(own) ? q.values(t) : q.scales(t));
                continue;
            }
            String name = p.bertNames.getOrDefault(own, own);
            float[] values = left.remove(name);
            if (values == null) {
                inits.addLengthDelimited(t.toByteString());
                continue;
            }
            if (!t.hasField(TENSOR_RAW) || raw(t).size() != values.length * Float.BYTES) {
                throw new IllegalArgumentException("weight " + name + " has another size in the model");
            }
            ByteBuffer b = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(values);
            UnknownFieldSet replaced = UnknownFieldSet.newBuilder(t)
                    .clearField(TENSOR_RAW)
                    .addField(
                            TENSOR_RAW,
                            UnknownFieldSet.Field.newBuilder()
                                    .addLengthDelimited(ByteString.copyFrom(b.array()))
                                    .build())
                    .build();
            inits.addLengthDelimited(replaced.toByteString());
        }
        if (!left.isEmpty()) {
            throw new IllegalArgumentException("no such weights in the model: " + left.keySet());
        }
        UnknownFieldSet graph = UnknownFieldSet.newBuilder(p.graph)
                .clearField(GRAPH_INITIALIZER)
                .addField(GRAPH_INITIALIZER, inits.build())
                .build();
        return UnknownFieldSet.newBuilder(p.model)
                .clearField(MODEL_GRAPH)
                .addField(
                        MODEL_GRAPH,
                        UnknownFieldSet.Field.newBuilder()
                                .addLengthDelimited(graph.toByteString())
                                .build())
                .build()
                .toByteArray();
    }

    private record Parsed(
            UnknownFieldSet model,
            UnknownFieldSet graph,
            List<UnknownFieldSet> initializers,
            Map<String, String> bertNames,
            Map<String, String> quantizedNames,
            Map<String, String> scaleNames) {}

    /**
     * A matrix quantized as ONNX Runtime's dynamic quantization stores bge-small's: int8, symmetric
     * (zero point 0), one scale per output column, values in -64…64 (its reduced range), so
     * {@code scale = max|w| / 64} over the column and {@code q = rint(w / scale)}.
     */
    private record Quantized(byte[] values, float[] scales) {

        static final int LIMIT = 64;

        static Quantized of(float[] w, int columns) {
            int rows = w.length / columns;
            float[] scales = new float[columns];
            for (int c = 0; c < columns; c++) {
                float max = 0;
                for (int r = 0; r < rows; r++) {
                    max = Math.max(max, Math.abs(w[r * columns + c]));
                }
                scales[c] = max == 0 ? 1f : max / LIMIT;
            }
            byte[] q = new byte[w.length];
            for (int i = 0; i < w.length; i++) {
                double v = Math.rint(w[i] / scales[i % columns]);
                q[i] = (byte) Math.max(-LIMIT, Math.min(LIMIT, v));
            }
            return new Quantized(q, scales);
        }

        ByteString values(UnknownFieldSet tensor) {
            if (!tensor.hasField(TENSOR_RAW) || raw(tensor).size() != values.length) {
                throw new IllegalArgumentException(
                        "quantized weight " + name(tensor) + " has another size in the model");
            }
            return replaceField(tensor, TENSOR_RAW, ByteString.copyFrom(values));
        }

        ByteString scales(UnknownFieldSet tensor) {
            ByteBuffer b = ByteBuffer.allocate(scales.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(scales);
            UnknownFieldSet cleared =
                    UnknownFieldSet.newBuilder(tensor).clearField(TENSOR_FLOATS).build();
            return replaceField(cleared, TENSOR_RAW, ByteString.copyFrom(b.array()));
        }
    }

    private static ByteString replaceField(UnknownFieldSet tensor, int field, ByteString value) {
        return UnknownFieldSet.newBuilder(tensor)
                .clearField(field)
                .addField(
                        field,
                        UnknownFieldSet.Field.newBuilder()
                                .addLengthDelimited(value)
                                .build())
                .build()
                .toByteString();
    }

    /** The column count of a quantized matrix, from its own dims or (for its scales) their length. */
    private static int columns(UnknownFieldSet tensor, String name) {
        List<Long> dims = tensor.getField(TENSOR_DIMS).getVarintList();
        if (dims.isEmpty()) {
            throw new IllegalArgumentException("quantized weight " + name + " has no shape");
        }
        return dims.getLast().intValue();
    }

    private static Parsed parse(byte[] bytes) {
        try {
            UnknownFieldSet model = UnknownFieldSet.parseFrom(bytes);
            if (!model.hasField(MODEL_GRAPH)) {
                throw new IllegalArgumentException("not an ONNX model: no graph");
            }
            UnknownFieldSet graph = UnknownFieldSet.parseFrom(
                    model.getField(MODEL_GRAPH).getLengthDelimitedList().getFirst());
            List<UnknownFieldSet> inits = new ArrayList<>();
            for (ByteString b : graph.getField(GRAPH_INITIALIZER).getLengthDelimitedList()) {
                inits.add(UnknownFieldSet.parseFrom(b));
            }
            Map<String, String> bertNames = new HashMap<>();
            Map<String, String> quantizedNames = new HashMap<>();
            Map<String, String> scaleNames = new HashMap<>();
            for (ByteString b : graph.getField(GRAPH_NODE).getLengthDelimitedList()) {
                UnknownFieldSet node = UnknownFieldSet.parseFrom(b);
                String op = string(node, NODE_OP);
                if (op.equals("MatMulInteger") && node.hasField(NODE_NAME)) {
                    Matcher q = LAYER_MATMUL_QUANT.matcher(string(node, NODE_NAME));
                    List<ByteString> in = node.getField(NODE_INPUT).getLengthDelimitedList();
                    if (q.matches()
                            && in.size() >= 2
                            && in.get(1).toStringUtf8().endsWith(QUANTIZED)) {
                        String weight = in.get(1).toStringUtf8();
                        String bert =
                                "encoder.layer." + q.group(1) + "." + q.group(2).replace('/', '.') + ".weight";
                        quantizedNames.put(weight, bert);
                        scaleNames.put(weight.substring(0, weight.length() - QUANTIZED.length()) + "_scale", bert);
                    }
                    continue;
                }
                if (!op.equals("MatMul") || !node.hasField(NODE_NAME)) {
                    continue;
                }
                Matcher m = LAYER_MATMUL.matcher(string(node, NODE_NAME));
                List<ByteString> in = node.getField(NODE_INPUT).getLengthDelimitedList();
                if (m.matches() && in.size() == 2) {
                    bertNames.put(
                            in.get(1).toStringUtf8(),
                            "encoder.layer." + m.group(1) + "." + m.group(2).replace('/', '.') + ".weight");
                }
            }
            return new Parsed(model, graph, inits, bertNames, quantizedNames, scaleNames);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not an ONNX model", e);
        }
    }

    private static String name(UnknownFieldSet tensor) {
        return string(tensor, TENSOR_NAME);
    }

    private static String string(UnknownFieldSet message, int field) {
        List<ByteString> values = message.getField(field).getLengthDelimitedList();
        return values.isEmpty() ? "" : values.getFirst().toStringUtf8();
    }

    private static ByteString raw(UnknownFieldSet tensor) {
        return tensor.getField(TENSOR_RAW).getLengthDelimitedList().getFirst();
    }

    private static float[] floats(ByteString raw) {
        float[] out = new float[raw.size() / Float.BYTES];
        raw.asReadOnlyByteBuffer()
                .order(ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer()
                .get(out);
        return out;
    }
}
