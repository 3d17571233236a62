/**
 * Language understanding for the rest of Hearth: one shared sentence embedder (the safety screen
 * reads it too) and the analyzer that finds emotions, sentiment, intent and cognitive distortions
 * in a text, both loaded once per process from the hearth-nlp library. It also exposes the
 * analysis over HTTP for staff and integrations. It stores nothing and logs no text.
 */
@NullMarked
// hearth-nlp's top package (org.hearth.nlp) is seen by Modulith as the module "nlp".
@ApplicationModule(allowedDependencies = "platform")
package org.hearth.language;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
