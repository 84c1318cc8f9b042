package io.k2.binance.kafkalocal;

/** The local broker could not be started; the message says why and what to do. */
public class BrokerStartException extends RuntimeException {

    public BrokerStartException(String message) {
        super(message);
    }

    public BrokerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
