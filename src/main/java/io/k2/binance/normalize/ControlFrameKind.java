package io.k2.binance.normalize;

/** Frames that are neither market data nor bad input. */
public enum ControlFrameKind {
    /**
     * A reply to a control request: {@code {"result":null,"id":1}} acknowledges SUBSCRIBE/UNSUBSCRIBE/
     * SET_PROPERTY, {@code {"result":[...],"id":3}} answers LIST_SUBSCRIPTIONS or GET_PROPERTY.
     */
    RESPONSE,
    /** {@code serverShutdown}: Binance will close this connection soon; the connection layer should rotate. */
    SERVER_SHUTDOWN
}
