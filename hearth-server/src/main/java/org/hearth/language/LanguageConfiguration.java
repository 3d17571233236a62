package org.hearth.language;

import org.hearth.nlp.Analyzer;
import org.hearth.nlp.OnnxSentenceEmbedder;
import org.hearth.nlp.SentenceEmbedder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The process-wide models. The embedder is a bean of its own so that every module needing
 * vectors (the safety screen, search) shares one loaded ONNX session with the analyzer.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration {

    @Bean
    SentenceEmbedder sentenceEmbedder() {
        return OnnxSentenceEmbedder.standard();
    }

    @Bean
    Analyzer analyzer(SentenceEmbedder sentenceEmbedder) {
        return Analyzer.load(sentenceEmbedder);
    }
}
