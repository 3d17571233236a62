/**
 * The risk screen: a lexical stage and a model stage over sentence embeddings, combined with the
 * thread's context into one risk level and the signals that fired. Specified by
 * clinical-safety.md; the server's safety module runs it on every member text.
 */
@NullMarked
package org.hearth.nlp.risk;

import org.jspecify.annotations.NullMarked;
