package org.lots.helpdesk.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SoftmaxClassifierTests {

    /** Class "topic" has 2 examples of feature 0; "other" has 20, 2 of feature 1 and 18 of features 2-19. */
    private static List<SoftmaxClassifier.Sparse> data() {
        List<SoftmaxClassifier.Sparse> data = new ArrayList<>();
        for (int i = 0; i < 2; i++) data.add(new SoftmaxClassifier.Sparse(new int[] {0}, new float[] {1}, 0));
        for (int i = 0; i < 20; i++) data.add(new SoftmaxClassifier.Sparse(new int[] {i < 2 ? 1 : i}, new float[] {1}, 1));
        return data;
    }

    private static double otherGiven(Map<String, Double> weightOf) {
        var c = new SoftmaxClassifier(List.of("topic", "other"), data(), 20, 2, 12, 0.5, 1e-6, weightOf, null);
        double[] p = new double[2];
        c.probabilities(new int[] {0, 1}, new float[] {0.7071f, 0.7071f}, p, new double[2]);
        return p[1];
    }

    @Test
    void aClassWeighingMoreThanOneDrawsAMessageThatFitsBothHalfWay() {
        // Balanced, the class of many kinds spreads its weight over all its examples: feature 1 pulls less than feature 0.
        double balanced = otherGiven(Map.of());
        double weighed = otherGiven(Map.of("other", 2.0));
        assertThat(balanced).isLessThan(0.5);
        assertThat(weighed).isGreaterThan(balanced);
    }

    @Test
    void theWeightIsPartOfTheCacheKey() {
        Map<String, float[][]> stored = new java.util.HashMap<>();
        SoftmaxClassifier.Cache cache = new SoftmaxClassifier.Cache() {
            public float[][] load(String key, int weights, int bias) { return stored.get(key); }
            public void store(String key, float[] weights, float[] bias) { stored.put(key, new float[][] {weights, bias}); }
        };
        new SoftmaxClassifier(List.of("topic", "other"), data(), 20, 2, 12, 0.5, 1e-6, Map.of(), cache);
        new SoftmaxClassifier(List.of("topic", "other"), data(), 20, 2, 12, 0.5, 1e-6, Map.of("other", 2.0), cache);
        assertThat(stored).hasSize(2);
    }
}
