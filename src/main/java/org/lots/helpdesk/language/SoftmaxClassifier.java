package org.lots.helpdesk.language;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A multinomial logistic regression over sparse features (here: TF-IDF weighted character n-grams), trained by
 * stochastic gradient descent. Several models are trained on differently shuffled data and their weights averaged:
 * one model's answer depends on the order it saw the examples in, the average much less. Seeds are fixed, so the same
 * content always gives the same router. Fast enough to retrain on every content reload.
 */
public final class SoftmaxClassifier {

    private final List<String> classes;
    private final float[] weights; // [feature * k + class], the models' average
    private final float[] bias;    // [class]

    /** A training example: feature ids (of the router's {@link FeatureIndex}) with their weights, and its class. */
    record Sparse(int[] index, float[] value, int label) {}

    /**
     * Trained weights kept between starts (see {@link NgramRouter}): training is most of the start-up, and the same
     * training data and settings always give the same weights.
     */
    public interface Cache {
        /** The weights and bias stored under this key (lengths as given), or null. */
        float[][] load(String key, int weights, int bias);

        void store(String key, float[] weights, float[] bias);
    }

    SoftmaxClassifier(List<String> classes, List<Sparse> data, int features, int models, int epochs, double learningRate, double l2) {
        this(classes, data, features, models, epochs, learningRate, l2, java.util.Map.of(), null);
    }

    /**
     * @param weightOf how many ordinary classes a class counts as in training (default 1): classes are balanced, each
     *                 weighing as much as any other whatever its number of examples, but a class that stands for many
     *                 kinds of question (out of scope: weather, gifts, car loans) is spread thin at one class's weight
     */
    SoftmaxClassifier(List<String> classes, List<Sparse> data, int features, int models, int epochs, double learningRate,
                      double l2, java.util.Map<String, Double> weightOf, Cache cache) {
        this.classes = List.copyOf(classes);
        int k = classes.size();
        String key = cache == null ? null : key(classes, data, features, models, epochs, learningRate, l2)
                + (weightOf.isEmpty() ? "" : new java.util.TreeMap<>(weightOf).toString());
        float[][] cached = cache == null ? null : cache.load(key, features * k, k);
        if (cached != null) {
            weights = cached[0];
            bias = cached[1];
            return;
        }
        int[] counts = new int[k];
        data.forEach(e -> counts[e.label()]++);
        double[] classWeight = new double[k];
        for (int c = 0; c < k; c++) {
            classWeight[c] = counts[c] == 0 ? 0 : (double) data.size() / (k * counts[c]) * weightOf.getOrDefault(classes.get(c), 1.0);
        }
        // The models are independent (own seed, own weights): trained side by side on both cores, then averaged into
        // one. Measured on both eval sets: the same answer to every question as averaging their probabilities, with a
        // fifth of the memory (the weights are most of the router's heap).
        // Two at a time and summed in a fixed order: the same content always gives the same router, bit for bit.
        weights = new float[features * k];
        bias = new float[k];
        for (int first = 0; first < models; first += 2) {
            int batch = Math.min(2, models - first);
            float[][] w = new float[batch][features * k], b = new float[batch][k];
            final int from = first;
            java.util.stream.IntStream.range(0, batch).parallel()
                    .forEach(j -> train(w[j], b[j], data, classWeight, epochs, learningRate, l2, new Random(42 + from + j)));
            for (int j = 0; j < batch; j++) {
                for (int i = 0; i < weights.length; i++) weights[i] += w[j][i] / models;
                for (int i = 0; i < k; i++) bias[i] += b[j][i] / models;
            }
        }
        if (cache != null) cache.store(key, weights, bias);
    }

    /** A digest of everything training depends on. */
    private static String key(List<String> classes, List<Sparse> data, int features, int models, int epochs,
                              double learningRate, double l2) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1 << 16);
            java.util.function.Consumer<java.nio.ByteBuffer> flush = buf -> {
                buf.flip();
                md.update(buf);
                buf.clear();
            };
            md.update(String.join("\n", classes).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            b.putInt(1).putInt(features).putInt(models).putInt(epochs).putDouble(learningRate).putDouble(l2);
            for (Sparse e : data) {
                if (b.remaining() < 16) flush.accept(b);
                b.putInt(e.label()).putInt(e.index().length);
                for (int i = 0; i < e.index().length; i++) {
                    if (b.remaining() < 8) flush.accept(b);
                    b.putInt(e.index()[i]).putFloat(e.value()[i]);
                }
            }
            flush.accept(b);
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void train(float[] w, float[] b, List<Sparse> data, double[] classWeight, int epochs, double learningRate, double l2, Random random) {
        int k = classes.size();
        List<Sparse> order = new ArrayList<>(data);
        double[] p = new double[k], g = new double[k];
        for (int epoch = 0; epoch < epochs; epoch++) {
            Collections.shuffle(order, random);
            double rate = learningRate / (1 + epoch * 0.2);
            for (Sparse e : order) {
                logits(w, b, e.index(), e.value(), p, null);
                softmax(p);
                double cw = classWeight[e.label()];
                for (int c = 0; c < k; c++) {
                    g[c] = (p[c] - (c == e.label() ? 1 : 0)) * cw;
                    b[c] -= (float) (rate * g[c]);
                }
                // Feature by feature, its classes side by side in memory (each weight gets the same update as
                // class by class would give it, in a fraction of the time).
                for (int i = 0; i < e.index().length; i++) {
                    int base = e.index()[i] * k;
                    double v = e.value()[i];
                    for (int c = 0; c < k; c++) w[base + c] -= (float) (rate * (g[c] * v + l2 * w[base + c]));
                }
            }
        }
    }

    List<String> classes() {
        return classes;
    }

    /** Class probabilities for a feature vector; {@code extraLogits} (may be null) adds evidence. */
    void probabilities(int[] index, float[] value, double[] out, double[] extraLogits) {
        logits(weights, bias, index, value, out, extraLogits);
        softmax(out);
    }

    private void logits(float[] w, float[] b, int[] index, float[] value, double[] out, double[] extra) {
        int k = classes.size();
        for (int c = 0; c < k; c++) out[c] = b[c] + (extra == null ? 0 : extra[c]);
        for (int i = 0; i < index.length; i++) {
            int base = index[i] * k;
            double v = value[i];
            for (int c = 0; c < k; c++) out[c] += w[base + c] * v;
        }
    }

    private static void softmax(double[] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) max = Math.max(max, v);
        double sum = 0;
        for (int c = 0; c < x.length; c++) {
            x[c] = Math.exp(x[c] - max);
            sum += x[c];
        }
        for (int c = 0; c < x.length; c++) x[c] /= sum;
    }
}
