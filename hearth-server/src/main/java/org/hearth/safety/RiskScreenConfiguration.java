package org.hearth.safety;

import java.time.Duration;
import org.hearth.nlp.risk.DefaultRiskScreen;
import org.hearth.nlp.risk.RiskScreen;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The risk screen, loaded once per node. Its model stage reads the engine's standard embedder
 * (bge-small-en-v1.5, quantized), the one the language module's analyzer uses; LangChain4j keeps one
 * ONNX session per model per JVM, so the node loads a single embedding model for both. If the head
 * and the embedder ever disagree, the screen loads degraded (lexical only) and says so on every call.
 */
@Configuration(proxyBeanMethods = false)
class RiskScreenConfiguration {

    @Bean(destroyMethod = "close")
    RiskScreen riskScreen(@Value("${hearth.safety.model-timeout:PT0.5S}") Duration modelTimeout) {
        return DefaultRiskScreen.create(modelTimeout);
    }
}
