package org.lots.helpdesk.language;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FeatureIndexTests {

    @Test
    void everyFeatureKeepsItsIdThroughGrowthAndTrimAndAnUnknownOneHasNone() {
        FeatureIndex index = new FeatureIndex();
        int n = 200_000; // more than the shipped content's 145,000: the table grows several times
        for (int i = 0; i < n; i++) assertEquals(i, index.add("f" + i));
        assertEquals(5, index.add("f5"), "a feature added again keeps its id");
        index.trim();
        assertEquals(n, index.size());
        for (int i = 0; i < n; i++) assertEquals(i, index.id("f" + i));
        assertEquals(-1, index.id("never added"));
        assertEquals(-1, index.id(""));
    }
}
