package io.k2.binance.component;

/** One text frame as read off the socket, with what we knew about it at that moment. */
record ReceivedFrame(String text, String stream, String connectionId, long receivedAtMicros) {
}
