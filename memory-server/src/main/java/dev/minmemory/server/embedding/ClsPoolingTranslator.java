package dev.minmemory.server.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Feeds a batch of tokenised texts to a BERT-style ONNX model and returns, per text, the L2-normalised hidden
 * state of its first ([CLS]) token: the sentence embedding bge models are trained to produce. Stateless, so one
 * instance serves all threads.
 */
final class ClsPoolingTranslator implements NoBatchifyTranslator<List<Encoding>, List<float[]>> {

    private final int dimension;

    ClsPoolingTranslator(int dimension) {
        this.dimension = dimension;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, List<Encoding> batch) {
        int batchSize = batch.size();
        int sequenceLength = batch.stream().mapToInt(e -> e.getIds().length).max().orElseThrow();
        // Shorter texts are padded with zeros: token id 0 is [PAD], and attention mask 0 hides it from the model.
        long[] inputIds = new long[batchSize * sequenceLength];
        long[] attentionMask = new long[batchSize * sequenceLength];
        long[] tokenTypeIds = new long[batchSize * sequenceLength];
        for (int i = 0; i < batchSize; i++) {
            Encoding encoding = batch.get(i);
            int offset = i * sequenceLength;
            System.arraycopy(encoding.getIds(), 0, inputIds, offset, encoding.getIds().length);
            System.arraycopy(encoding.getAttentionMask(), 0, attentionMask, offset, encoding.getAttentionMask().length);
            System.arraycopy(encoding.getTypeIds(), 0, tokenTypeIds, offset, encoding.getTypeIds().length);
        }
        Shape shape = new Shape(batchSize, sequenceLength);
        NDManager manager = ctx.getNDManager();
        return new NDList(
                named(manager.create(inputIds, shape), "input_ids"),
                named(manager.create(attentionMask, shape), "attention_mask"),
                named(manager.create(tokenTypeIds, shape), "token_type_ids"));
    }

    @Override
    public List<float[]> processOutput(TranslatorContext ctx, NDList output) {
        NDArray lastHiddenState = output.get(0);
        long[] shape = lastHiddenState.getShape().getShape();
        int batchSize = (int) shape[0];
        int tokenStride = (int) shape[1] * dimension;
        float[] hidden = lastHiddenState.toFloatArray();
        List<float[]> embeddings = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            float[] cls = new float[dimension];
            System.arraycopy(hidden, i * tokenStride, cls, 0, dimension);
            embeddings.add(normalised(cls));
        }
        return embeddings;
    }

    private static NDArray named(NDArray array, String name) {
        array.setName(name);
        return array;
    }

    private static float[] normalised(float[] vector) {
        double sumOfSquares = 0;
        for (float v : vector) {
            sumOfSquares += v * v;
        }
        float inverseNorm = (float) (1 / Math.sqrt(sumOfSquares));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= inverseNorm;
        }
        return vector;
    }
}
