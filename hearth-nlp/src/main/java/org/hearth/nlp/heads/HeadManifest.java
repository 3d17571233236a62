package org.hearth.nlp.heads;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a shipped head was trained on and how well it did: written by {@code train}, read when
 * the head loads so a head never runs on vectors from a model it was not trained for.
 *
 * @param head the head's name
 * @param labels the labels in the model's score order
 * @param thresholds per-label decision thresholds (multi-label heads; empty otherwise)
 * @param embeddingModel the id of the sentence embedder whose vectors the head reads
 * @param trainingData name, version, licence and attribution of the data it learned from
 * @param trainedOn the UTC date of training
 * @param seed the seed that makes training repeatable
 * @param hyperParameters the trainer's settings
 * @param dev figures measured on the held-back dev set when the model was written
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HeadManifest(
        String head,
        List<String> labels,
        Map<String, Double> thresholds,
        String embeddingModel,
        Map<String, String> trainingData,
        String trainedOn,
        long seed,
        Map<String, Object> hyperParameters,
        Map<String, Object> dev) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Reads a manifest. */
    public static HeadManifest read(InputStream in) {
        try {
            return JSON.readValue(in, HeadManifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes this manifest as indented JSON. */
    public void write(Path file) {
        try {
            JSON.writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
