package io.k2.binance.kafkalocal;

/** A port the broker must listen on is taken by another process. */
public final class PortInUseException extends BrokerStartException {

    private final String address;

    public PortInUseException(String address, String role) {
        super(address + " is already in use (wanted for the broker's " + role + " listener)");
        this.address = address;
    }

    /** {@code host:port} that is taken. */
    public String address() {
        return address;
    }
}
