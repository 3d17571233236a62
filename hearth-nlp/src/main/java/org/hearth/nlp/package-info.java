/**
 * Hearth's language understanding engine: plain Java, no Spring, running in-process on a CPU
 * with no network. The server and the command line both use it.
 */
@NullMarked
package org.hearth.nlp;

import org.jspecify.annotations.NullMarked;
