package org.hearth.nlp.risk;

/** Seam for the lexical stage, so tests can make it fail and prove the screen fails closed. */
interface LexicalAnalyzer {

    LexicalStage.Result analyze(String text);
}
