/**
 * {@code bin/k2 soak}: a dev tool, not part of the product. It runs the simulator, the app (as
 * {@code bin/k2 run} starts it) and a local broker for hours, samples the app's memory, injects faults in the
 * short mode, checks every trade and aggTrade id in Kafka against what the simulator generated, and writes
 * {@code memory-profile.json} and {@code memory-profile.svg}. It uses {@code cli}, {@code observe} and
 * {@code simulator}; nothing outside this package uses it. See docs/soak.md.
 */
package io.k2.binance.soak;
