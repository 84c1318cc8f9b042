package io.k2.binance.kafkalocal;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * Entry point of a broker started for a test JVM: runs {@code kafka.Kafka} and exits as soon as the JVM that
 * started it is gone. A shutdown hook cannot do that when the test JVM is SIGKILLed (e.g. a Surefire fork
 * timeout), and a leftover broker would hold its ports and disk.
 *
 * <p>This class is copied on its own onto the broker's classpath (Kafka 4.1.1 jars), so it must use nothing
 * but the JDK and Kafka (reflectively) and must stay a single class file: no nested or anonymous classes.
 *
 * <p>Arguments: {@code <parent pid> <server.properties>}.
 */
public final class ParentBoundKafka {

    private static final long HALT_AFTER_MS = 20_000;

    private ParentBoundKafka() {
    }

    public static void main(String[] args) throws Throwable {
        long parentPid = Long.parseLong(args[0]);
        String[] kafkaArgs = Arrays.copyOfRange(args, 1, args.length);
        ProcessHandle.of(parentPid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(ParentBoundKafka::parentGone),
                ParentBoundKafka::parentGone);
        try {
            Class.forName("kafka.Kafka").getMethod("main", String[].class).invoke(null, (Object) kafkaArgs);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void parentGone() {
        System.err.println("[k2] parent JVM is gone: stopping the broker");
        // System.exit runs Kafka's own shutdown hook (clean stop); the daemon halts the JVM if that hangs.
        Thread halt = new Thread(ParentBoundKafka::haltLater, "k2-halt-if-stuck");
        halt.setDaemon(true);
        halt.start();
        System.exit(1);
    }

    private static void haltLater() {
        try {
            Thread.sleep(HALT_AFTER_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(1);
    }
}
