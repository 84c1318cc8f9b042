package io.k2.binance.kafkalocal;

import java.nio.file.Path;

/** The broker's own classpath (target/kafka-lib) has not been built yet. */
public final class BrokerJarsMissingException extends BrokerStartException {

    public BrokerJarsMissingException(Path libDir) {
        super("Kafka broker jars not found in " + libDir.toAbsolutePath()
                + ": run `mvn package` first (it fills target/kafka-lib from kafka-local/pom.xml)");
    }
}
