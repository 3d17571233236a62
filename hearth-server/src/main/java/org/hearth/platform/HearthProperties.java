package org.hearth.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings every module may read.
 *
 * @param dataDir where the embedded database, the keyring and the search index live
 *     ({@code HEARTH_DATA_DIR}, default {@code ./data})
 * @param publicUrl the address people use to reach this server, used in links and emails
 */
@ConfigurationProperties("hearth")
public record HearthProperties(Path dataDir, String publicUrl) {

    public HearthProperties {
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
        if (publicUrl == null || publicUrl.isBlank()) {
            publicUrl = "http://localhost:8080";
        }
    }
}
