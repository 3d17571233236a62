package org.hearth.assessment;

import org.hearth.safety.Safety;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Test-only: lets full-application tests start in a branch where the safety module has no
 * implementation yet. It steps aside as soon as a real {@link Safety} bean exists.
 */
@AutoConfiguration
public class BranchFallbacks {

    @Bean
    @ConditionalOnMissingBean(Safety.class)
    Safety branchFallbackSafety() {
        return new RecordingSafety();
    }
}
