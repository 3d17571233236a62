package org.hearth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Starts every Hearth module in one process. */
@SpringBootApplication
@Modulithic(sharedModules = "platform")
@EnableScheduling
public class HearthApplication {

    public static void main(String[] args) {
        // DJL's tokenizer (used by the in-process embedding model) reports usage unless told not to.
        System.setProperty("OPT_OUT_TRACKING", "true");
        SpringApplication.run(HearthApplication.class, args);
    }
}
