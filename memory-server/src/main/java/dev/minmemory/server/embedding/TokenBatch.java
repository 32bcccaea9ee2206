package dev.minmemory.server.embedding;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;

/**
 * A batch of tokenised texts as the input tensors of a BERT-style model, padded to the longest text, and the reading
 * of its sentence embeddings from the model's output.
 */
final class TokenBatch implements AutoCloseable {

    private final int rows;
    private final int columns;
    private final long[] attentionMask;
    private final Map<String, OnnxTensor> tensors;

    private TokenBatch(int rows, int columns, long[] attentionMask, Map<String, OnnxTensor> tensors) {
        this.rows = rows;
        this.columns = columns;
        this.attentionMask = attentionMask;
        this.tensors = tensors;
    }

    static TokenBatch of(OrtEnvironment environment, List<Encoding> batch) throws OrtException {
        int rows = batch.size();
        int columns = batch.stream().mapToInt(e -> e.getIds().length).max().orElseThrow();
        // Shorter texts are padded with zeros: token id 0 is [PAD], and attention mask 0 hides it from the model.
        long[] ids = new long[rows * columns];
        long[] mask = new long[rows * columns];
        long[] types = new long[rows * columns];
        for (int i = 0; i < rows; i++) {
            Encoding encoding = batch.get(i);
            System.arraycopy(encoding.getIds(), 0, ids, i * columns, encoding.getIds().length);
            System.arraycopy(encoding.getAttentionMask(), 0, mask, i * columns, encoding.getAttentionMask().length);
            System.arraycopy(encoding.getTypeIds(), 0, types, i * columns, encoding.getTypeIds().length);
        }
        long[] shape = { rows, columns };
        OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
        OnnxTensor maskTensor = null;
        try {
            maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
            OnnxTensor typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape);
            return new TokenBatch(rows, columns, mask,
                    Map.of("input_ids", idTensor, "attention_mask", maskTensor, "token_type_ids", typeTensor));
        } catch (OrtException | RuntimeException e) {
            idTensor.close();
            if (maskTensor != null) {
                maskTensor.close();
            }
            throw e;
        }
    }

    /** The tensors of these input names: a model may not declare all three (token types, typically). */
    Map<String, OnnxTensor> tensors(Set<String> inputNames) {
        return tensors.entrySet().stream().filter(input -> inputNames.contains(input.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Per text, its sentence embedding from the [rows, columns, dimension] output, pooled as the model wants. */
    List<float[]> embeddings(OnnxTensor lastHiddenState, int dimension, Pooling pooling) {
        FloatBuffer hidden = lastHiddenState.getFloatBuffer();
        List<float[]> embeddings = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            embeddings.add(pooling.embedding(hidden, attentionMask, i, columns, dimension));
        }
        return embeddings;
    }

    @Override
    public void close() {
        tensors.values().forEach(OnnxTensor::close);
    }
}
