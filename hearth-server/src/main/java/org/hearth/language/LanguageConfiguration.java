package org.hearth.language;

import java.time.Duration;
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

    /** Ten seconds cover one message's screen and understanding, even on a loaded node. */
    @Bean
    SentenceEmbedder sentenceEmbedder() {
        return new RecentEmbeddings(OnnxSentenceEmbedder.standard(), Duration.ofSeconds(10), 256);
    }

    @Bean
    Analyzer analyzer(SentenceEmbedder sentenceEmbedder) {
        return Analyzer.load(sentenceEmbedder);
    }
}
