package org.hearth.nlp.risk;

/**
 * Why the lexical stage read a text as not at risk although a risk phrase was in it: the frame
 * that cut the phrase out. The screen lets a frame veto the model stage on a clear hard negative
 * (see {@link DefaultRiskScreen}).
 */
enum Frame {
    /** An idiom or hyperbole was cut out ("this deadline is killing me"). */
    IDIOM,
    /** A risk phrase was negated in its clause ("I would never"). */
    NEGATED,
    /** A risk phrase was made hypothetical or a question about signs ("what if someone"). */
    HYPOTHETICAL,
    /** A risk phrase was placed in a clinical or teaching frame ("the PHQ-9 asks about"). */
    CLINICAL,
    /** A risk phrase was placed in a song, film, book or post, or quoted from one. */
    MEDIA,
    /** A risk phrase was placed in a game. */
    GAME
}
