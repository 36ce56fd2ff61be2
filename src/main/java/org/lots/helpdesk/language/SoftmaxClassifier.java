package org.lots.helpdesk.language;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A multinomial logistic regression over sparse features (here: TF-IDF weighted character n-grams), trained by
 * stochastic gradient descent. Several models trained on differently shuffled data vote (their probabilities are
 * averaged): one model's answer depends on the order it saw the examples in, the average much less. Seeds are fixed,
 * so the same content always gives the same router. Fast enough to retrain on every content reload.
 */
final class SoftmaxClassifier {

    private final List<String> classes;
    private final float[][] weights; // [model][feature * k + class]
    private final float[][] bias;    // [model][class]

    /** A training example: feature ids (of the router's {@link FeatureIndex}) with their weights, and its class. */
    record Sparse(int[] index, float[] value, int label) {}

    SoftmaxClassifier(List<String> classes, List<Sparse> data, int features, int models, int epochs, double learningRate, double l2) {
        this.classes = List.copyOf(classes);
        int k = classes.size();
        int[] counts = new int[k];
        data.forEach(e -> counts[e.label()]++);
        double[] classWeight = new double[k];
        for (int c = 0; c < k; c++) classWeight[c] = counts[c] == 0 ? 0 : (double) data.size() / (k * counts[c]);
        weights = new float[models][features * k];
        bias = new float[models][k];
        for (int m = 0; m < models; m++) train(m, data, classWeight, epochs, learningRate, l2, new Random(42 + m));
    }

    private void train(int m, List<Sparse> data, double[] classWeight, int epochs, double learningRate, double l2, Random random) {
        int k = classes.size();
        float[] w = weights[m], b = bias[m];
        List<Sparse> order = new ArrayList<>(data);
        double[] p = new double[k];
        for (int epoch = 0; epoch < epochs; epoch++) {
            Collections.shuffle(order, random);
            double rate = learningRate / (1 + epoch * 0.2);
            for (Sparse e : order) {
                logits(m, e.index(), e.value(), p, null);
                softmax(p);
                double cw = classWeight[e.label()];
                for (int c = 0; c < k; c++) {
                    double g = (p[c] - (c == e.label() ? 1 : 0)) * cw;
                    b[c] -= (float) (rate * g);
                    for (int i = 0; i < e.index().length; i++) {
                        int at = e.index()[i] * k + c;
                        w[at] -= (float) (rate * (g * e.value()[i] + l2 * w[at]));
                    }
                }
            }
        }
    }

    List<String> classes() {
        return classes;
    }

    /** Class probabilities for a feature vector, averaged over the models; {@code extraLogits} (may be null) adds evidence. */
    void probabilities(int[] index, float[] value, double[] out, double[] extraLogits) {
        int k = classes.size();
        double[] p = new double[k];
        java.util.Arrays.fill(out, 0);
        for (int m = 0; m < weights.length; m++) {
            logits(m, index, value, p, extraLogits);
            softmax(p);
            for (int c = 0; c < k; c++) out[c] += p[c] / weights.length;
        }
    }

    private void logits(int m, int[] index, float[] value, double[] out, double[] extra) {
        int k = classes.size();
        float[] w = weights[m];
        for (int c = 0; c < k; c++) out[c] = bias[m][c] + (extra == null ? 0 : extra[c]);
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
