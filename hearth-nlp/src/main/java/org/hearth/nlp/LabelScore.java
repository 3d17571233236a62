package org.hearth.nlp;

/**
 * One label's verdict from a head.
 *
 * @param label the label name, e.g. {@code sadness} or {@code mind-reading}
 * @param score the head's probability for the label, in [0, 1]
 * @param present whether the head decides the label applies, with its tuned threshold
 */
public record LabelScore(String label, double score, boolean present) {}
