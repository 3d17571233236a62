package org.hearth.companion;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The companion's pure parts as shared, loaded-once beans. */
@Configuration(proxyBeanMethods = false)
class CompanionConfiguration {

    @Bean
    ExerciseCatalogue exerciseCatalogue() {
        return ExerciseCatalogue.loadDefault();
    }

    @Bean
    ResponseLibrary responseLibrary() {
        return ResponseLibrary.loadDefault();
    }

    @Bean
    PhasePolicy phasePolicy(ExerciseCatalogue exercises) {
        return new PhasePolicy(exercises);
    }

    @Bean
    ReplyRealizer replyRealizer(ResponseLibrary library, ExerciseCatalogue exercises) {
        return new ReplyRealizer(library, exercises);
    }

    @Bean
    CueDetector cueDetector() {
        return new CueDetector();
    }
}
