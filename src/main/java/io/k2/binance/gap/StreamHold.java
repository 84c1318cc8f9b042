package io.k2.binance.gap;

import java.util.ArrayDeque;

import io.k2.binance.connection.BinanceFrame;

/**
 * One stream's frames held back behind its gaps, so that its topic stays in id order: the frames and the gaps
 * found among them, in arrival order. {@link #active} is being closed; a later gap waits in {@link #entries}
 * at its place. Once the hold has run out ({@link #holding} false), frames pass straight on and the gaps
 * still open wait in {@link #entries} alone.
 */
final class StreamHold {

    final String stream;
    /** {@link BinanceFrame}s and {@link OpenGap}s. */
    final ArrayDeque<Object> entries = new ArrayDeque<>();
    OpenGap active;
    boolean holding = true;
    /** Frames are being held now (a spell began at {@link #heldSinceNanos}, its time bound is {@link #timer}). */
    boolean spell;
    long heldSinceNanos;
    long timer = -1;
    int frames;

    StreamHold(String stream) {
        this.stream = stream;
    }
}
