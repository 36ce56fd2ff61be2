package org.lots.helpdesk.language;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A multinomial logistic regression over sparse features (here: TF-IDF weighted character n-grams), trained by
 * stochastic gradient descent with a fixed seed, so the same content always gives the same model. Small enough to
 * retrain on every content reload (a fraction of a second for a few thousand example phrases).
 */
final class SoftmaxClassifier {

    private final List<String> classes;
    private final Map<String, float[]> weights = new HashMap<>();
    private final float[] bias;

    record Example(Map<String, Double> features, int label) {}

    SoftmaxClassifier(List<String> classes, List<Example> examples, int epochs, double learningRate, double l2) {
        this.classes = List.copyOf(classes);
        int k = classes.size();
        bias = new float[k];
        int[] counts = new int[k];
        examples.forEach(e -> counts[e.label()]++);
        double[] classWeight = new double[k];
        for (int c = 0; c < k; c++) classWeight[c] = counts[c] == 0 ? 0 : (double) examples.size() / (k * counts[c]);
        List<Example> order = new ArrayList<>(examples);
        Random random = new Random(42);
        double[] p = new double[k];
        for (int epoch = 0; epoch < epochs; epoch++) {
            Collections.shuffle(order, random);
            double rate = learningRate / (1 + epoch * 0.2);
            for (Example e : order) {
                probabilities(e.features(), p, null);
                double w = classWeight[e.label()];
                for (int c = 0; c < k; c++) {
                    double g = (p[c] - (c == e.label() ? 1 : 0)) * w;
                    if (g == 0) continue;
                    bias[c] -= (float) (rate * g);
                    for (var f : e.features().entrySet()) {
                        float[] wf = weights.computeIfAbsent(f.getKey(), x -> new float[k]);
                        wf[c] -= (float) (rate * (g * f.getValue() + l2 * wf[c]));
                    }
                }
            }
        }
    }

    List<String> classes() {
        return classes;
    }

    /** Class probabilities for a feature vector; {@code extraLogits} (may be null) adds evidence per class. */
    void probabilities(Map<String, Double> features, double[] out, double[] extraLogits) {
        int k = classes.size();
        for (int c = 0; c < k; c++) out[c] = bias[c] + (extraLogits == null ? 0 : extraLogits[c]);
        for (var f : features.entrySet()) {
            float[] wf = weights.get(f.getKey());
            if (wf == null) continue;
            double v = f.getValue();
            for (int c = 0; c < k; c++) out[c] += wf[c] * v;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double x : out) max = Math.max(max, x);
        double sum = 0;
        for (int c = 0; c < k; c++) {
            out[c] = Math.exp(out[c] - max);
            sum += out[c];
        }
        for (int c = 0; c < k; c++) out[c] /= sum;
    }
}
