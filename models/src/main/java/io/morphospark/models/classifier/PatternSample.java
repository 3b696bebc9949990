package io.morphospark.models.classifier;

/**
 * One sample as the classifier sees it: {@code channels} frames (oldest first) of
 * {@code height}×{@code width} normalised values, channel-major ({@code [c][y][x]}), and its label
 * index (−1 when unknown).
 */
public record PatternSample(long id, int label, int channels, int height, int width, float[] values) {
    public PatternSample {
        if (values.length != channels * height * width) {
            throw new IllegalArgumentException("sample " + id + ": " + values.length + " values for " + channels + "×"
                    + height + "×" + width);
        }
    }
}
