package org.hearth.safety;

import java.time.Duration;
import org.hearth.nlp.SentenceEmbedder;
import org.hearth.nlp.risk.DefaultRiskScreen;
import org.hearth.nlp.risk.RiskScreen;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The risk screen, loaded once per node. Its model stage was trained on all-MiniLM-L6-v2 vectors, so
 * it keeps its own embedder of that model rather than the application's shared one (a head must
 * only ever read the vectors it was trained on).
 */
@Configuration(proxyBeanMethods = false)
class RiskScreenConfiguration {

    @Bean(destroyMethod = "close")
    RiskScreen riskScreen(
            ObjectProvider<SentenceEmbedder> embedder,
            @Value("${hearth.safety.model-timeout:PT0.5S}") Duration modelTimeout) {
        SentenceEmbedder shared = embedder.getIfAvailable();
        return shared == null ? DefaultRiskScreen.create(modelTimeout) : DefaultRiskScreen.create(shared, modelTimeout);
    }
}
