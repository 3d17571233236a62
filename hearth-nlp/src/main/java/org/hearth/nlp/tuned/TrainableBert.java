package org.hearth.nlp.tuned;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A BERT encoder (post-norm, exact GELU, as bge-small-en-v1.5 is exported) written with DJL's array
 * operations so that PyTorch can differentiate it, built from the weights of the ONNX file the
 * analyzer serves. Only the top {@code trainedLayers} layers take gradients; the embeddings and the
 * layers below stay as they are, so their output can be computed once per text ({@link #lower}).
 */
final class TrainableBert {

    private static final float NORM_EPS = 1e-12f;
    private static final String[] LAYER_WEIGHTS = {
        "attention.self.query.weight", "attention.self.query.bias",
        "attention.self.key.weight", "attention.self.key.bias",
        "attention.self.value.weight", "attention.self.value.bias",
        "attention.output.dense.weight", "attention.output.dense.bias",
        "attention.output.LayerNorm.weight", "attention.output.LayerNorm.bias",
        "intermediate.dense.weight", "intermediate.dense.bias",
        "output.dense.weight", "output.dense.bias",
        "output.LayerNorm.weight", "output.LayerNorm.bias"
    };

    private final Map<String, NDArray> weights = new LinkedHashMap<>();
    private final int layers;
    private final int heads;
    private final int hidden;
    private final int firstTrained;
    private final float dropout;

    TrainableBert(
            NDManager manager, Map<String, OnnxWeights.Tensor> onnx, int heads, int trainedLayers, float dropout) {
        int n = 0;
        while (onnx.containsKey("encoder.layer." + n + ".output.dense.weight")) {
            n++;
        }
        if (n == 0 || trainedLayers < 1 || trainedLayers > n) {
            throw new IllegalArgumentException("cannot train " + trainedLayers + " of " + n + " layers");
        }
        this.layers = n;
        this.heads = heads;
        this.firstTrained = n - trainedLayers;
        this.dropout = dropout;
        for (String name : embeddingNames()) {
            weights.put(name, array(manager, onnx, name));
        }
        for (int l = 0; l < n; l++) {
            for (String w : LAYER_WEIGHTS) {
                String name = "encoder.layer." + l + "." + w;
                NDArray a = array(manager, onnx, name);
                if (l >= firstTrained) {
                    a.setRequiresGradient(true);
                }
                weights.put(name, a);
            }
        }
        this.hidden =
                (int) weights.get("embeddings.LayerNorm.weight").getShape().get(0);
    }

    private static List<String> embeddingNames() {
        return List.of(
                "embeddings.word_embeddings.weight",
                "embeddings.position_embeddings.weight",
                "embeddings.token_type_embeddings.weight",
                "embeddings.LayerNorm.weight",
                "embeddings.LayerNorm.bias");
    }

    private static NDArray array(NDManager manager, Map<String, OnnxWeights.Tensor> onnx, String name) {
        OnnxWeights.Tensor t = onnx.get(name);
        if (t == null) {
            throw new IllegalArgumentException("the model has no weight " + name);
        }
        return manager.create(t.values(), new Shape(t.dims()));
    }

    int hidden() {
        return hidden;
    }

    int firstTrainedLayer() {
        return firstTrained;
    }

    /** The weights that take gradients, by BERT name. */
    Map<String, NDArray> trained() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (int l = firstTrained; l < layers; l++) {
            for (String w : LAYER_WEIGHTS) {
                String name = "encoder.layer." + l + "." + w;
                out.put(name, weights.get(name));
            }
        }
        return out;
    }

    /** The frozen part: embeddings and the layers below the trained ones, for ids of shape (batch, length). */
    NDArray lower(NDArray ids, NDArray mask) {
        NDArray x = embed(ids);
        NDArray additive = additiveMask(mask);
        for (int l = 0; l < firstTrained; l++) {
            x = layer(l, x, additive, false);
        }
        return x;
    }

    /** The trained layers on the frozen part's output; the last hidden state. */
    NDArray upper(NDArray x, NDArray mask, boolean training) {
        NDArray additive = additiveMask(mask);
        for (int l = firstTrained; l < layers; l++) {
            x = layer(l, x, additive, training);
        }
        return x;
    }

    private NDArray embed(NDArray ids) {
        long length = ids.getShape().get(1);
        NDArray words = Embedding.embedding(ids, weights.get("embeddings.word_embeddings.weight"), SparseFormat.DENSE)
                .singletonOrThrow();
        NDArray positions = weights.get("embeddings.position_embeddings.weight").get("0:" + length);
        NDArray type = weights.get("embeddings.token_type_embeddings.weight").get("0");
        NDArray x = words.add(positions).add(type);
        return LayerNorm.layerNorm(
                        x,
                        new Shape(hidden),
                        weights.get("embeddings.LayerNorm.weight"),
                        weights.get("embeddings.LayerNorm.bias"),
                        NORM_EPS)
                .singletonOrThrow();
    }

    private static NDArray additiveMask(NDArray mask) {
        Shape s = mask.getShape();
        return mask.toType(DataType.FLOAT32, false).neg().add(1).mul(-1e9f).reshape(s.get(0), 1, 1, s.get(1));
    }

    private NDArray layer(int l, NDArray x, NDArray additiveMask, boolean training) {
        String p = "encoder.layer." + l + ".";
        long b = x.getShape().get(0);
        long len = x.getShape().get(1);
        int size = hidden / heads;
        NDArray q = linear(x, p + "attention.self.query")
                .reshape(b, len, heads, size)
                .transpose(0, 2, 1, 3);
        NDArray k =
                linear(x, p + "attention.self.key").reshape(b, len, heads, size).transpose(0, 2, 3, 1);
        NDArray v = linear(x, p + "attention.self.value")
                .reshape(b, len, heads, size)
                .transpose(0, 2, 1, 3);
        NDArray attention =
                q.matMul(k).div((float) Math.sqrt(size)).add(additiveMask).softmax(-1);
        attention = drop(attention, training);
        NDArray context = attention.matMul(v).transpose(0, 2, 1, 3).reshape(b, len, hidden);
        NDArray attended = drop(linear(context, p + "attention.output.dense"), training);
        x = norm(x.add(attended), p + "attention.output.LayerNorm");
        NDArray inner = Activation.gelu(linear(x, p + "intermediate.dense"));
        NDArray out = drop(linear(inner, p + "output.dense"), training);
        return norm(x.add(out), p + "output.LayerNorm");
    }

    private NDArray linear(NDArray x, String name) {
        return x.matMul(weights.get(name + ".weight")).add(weights.get(name + ".bias"));
    }

    private NDArray norm(NDArray x, String name) {
        return LayerNorm.layerNorm(
                        x, new Shape(hidden), weights.get(name + ".weight"), weights.get(name + ".bias"), NORM_EPS)
                .singletonOrThrow();
    }

    private NDArray drop(NDArray x, boolean training) {
        return training && dropout > 0 ? Dropout.dropout(x, dropout, true).singletonOrThrow() : x;
    }

    /** The trained weights' current values, by BERT name. */
    Map<String, float[]> trainedValues() {
        Map<String, float[]> out = new LinkedHashMap<>();
        trained().forEach((name, a) -> out.put(name, a.toFloatArray()));
        return out;
    }

    static List<String> layerWeightNames(int layer) {
        List<String> out = new ArrayList<>();
        for (String w : LAYER_WEIGHTS) {
            out.add("encoder.layer." + layer + "." + w);
        }
        return out;
    }
}
