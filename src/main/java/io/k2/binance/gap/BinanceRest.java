package io.k2.binance.gap;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.Consumer;

import io.k2.binance.connection.TlsTrust;
import io.k2.binance.observe.MetricNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binance's public REST API, paced so that many gaps at once (the whole process reconnecting with 100 symbols)
 * never turn into a 429 storm: one FIFO queue, at most {@code maxConcurrent} requests in flight, each sent
 * only when the {@link RestWeightBudget} has room for its weight. A 429 holds the whole queue for its
 * Retry-After and the request is sent again; a 418 ban holds it until the ban ends, logs an ERROR and raises
 * {@code binance_rest_banned_until_timestamp_seconds}. A request that would only go after its deadline (the gap's
 * look-back) is answered with a failure instead of being sent, so a long ban gives gaps up rather than
 * piling requests onto the end of it.
 *
 * <p>Runs on the event loop of the connection group it serves (requests are made from there, so Vert.x
 * answers there too); not thread-safe.
 */
final class BinanceRest {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceRest.class);
    private static final int MAX_ATTEMPTS = 5;

    private final Vertx vertx;
    private final HttpClient client;
    private final String host;
    private final int port;
    private final boolean ssl;
    private final String basePath;
    private final GapSettings settings;
    private final RestWeightBudget budget;
    private final String weightHeader;
    private final MeterRegistry registry;
    private final ArrayDeque<Request> queue = new ArrayDeque<>();
    private int inFlight;
    private boolean closed;
    private final java.util.List<io.micrometer.core.instrument.Meter> meters = new java.util.ArrayList<>();
    private long wakeTimer = -1;
    private volatile long bannedUntilMillis;
    private volatile long usedWeight;

    /** One GET, with what to do with its answer. */
    private static final class Request {
        final String endpoint;
        final String pathAndQuery;
        final int weight;
        final long deadlineMillis;
        final Consumer<RestReply> done;
        int attempts;

        Request(String endpoint, String pathAndQuery, int weight, long deadlineMillis, Consumer<RestReply> done) {
            this.endpoint = endpoint;
            this.pathAndQuery = pathAndQuery;
            this.weight = weight;
            this.deadlineMillis = deadlineMillis;
            this.done = done;
        }
    }

    BinanceRest(Vertx vertx, GapSettings settings, MeterRegistry registry, String route) {
        this.vertx = vertx;
        this.settings = settings;
        this.registry = registry;
        java.net.URI uri = java.net.URI.create(settings.restBaseUrl());
        this.ssl = "https".equalsIgnoreCase(uri.getScheme());
        this.host = uri.getHost();
        this.port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) settings.requestTimeout().toMillis())
                .setMaxPoolSize(Math.max(1, settings.maxConcurrent()))
                .setKeepAlive(true);
        if (ssl) {
            TlsTrust.apply(options, settings.sslVerify(), settings.caBundle());
        }
        this.client = vertx.createHttpClient(options);
        this.budget = new RestWeightBudget(settings.weightLimit(), settings.weightWindow().toMillis());
        this.weightHeader = weightHeader(settings.weightWindow());
        if (settings.weightWindow().toSeconds() != 60) {
            LOG.warn("k2.rest.weight-window-seconds is {} s: Binance reports used weight per minute only "
                    + "(X-MBX-USED-WEIGHT-1M), so the app paces REST by its own count alone; other processes on this "
                    + "IP are not seen. Keep 60 against the live API.", settings.weightWindow().toSeconds());
        }
        if (ssl && !settings.sslVerify()) {
            LOG.warn("TLS verification is OFF for the REST API {} too (k2.binance.ssl-verify=false): backfilled "
                    + "trades and depth snapshots can be forged on the network path.", settings.restBaseUrl());
        }
        meters.add(Gauge.builder(MetricNames.REST_BANNED_UNTIL, this,
                        r -> r.bannedUntilMillis > System.currentTimeMillis() ? r.bannedUntilMillis / 1000.0 : 0)
                .description("Until when Binance bans this IP from REST (418), epoch seconds; 0 = not banned")
                .tag(MetricNames.TAG_ROUTE, route).strongReference(false).register(registry));
        meters.add(Gauge.builder(MetricNames.REST_WEIGHT_USED, this, r -> r.usedWeight)
                .description("REST weight the IP has used in the current window, as Binance last reported it")
                .tag(MetricNames.TAG_ROUTE, route).strongReference(false).register(registry));
        meters.add(Gauge.builder(MetricNames.REST_WEIGHT_LIMIT, budget, RestWeightBudget::limit)
                .description("REST weight this process allows itself per window (k2.rest.weight-limit)")
                .tag(MetricNames.TAG_ROUTE, route).strongReference(false).register(registry));
        meters.add(Gauge.builder(MetricNames.REST_QUEUE, queue, ArrayDeque::size)
                .description("REST requests waiting for weight, a 429 back-off or a ban to pass").tag(MetricNames.TAG_ROUTE, route).strongReference(false).register(registry));
    }

    /** Binance's header for the window: {@code X-MBX-USED-WEIGHT-1M} for a minute, {@code -10S} for 10 s. */
    static String weightHeader(Duration window) {
        long s = window.toSeconds();
        String suffix;
        if (s % 86_400 == 0) {
            suffix = s / 86_400 + "D";
        } else if (s % 3600 == 0) {
            suffix = s / 3600 + "H";
        } else if (s % 60 == 0) {
            suffix = s / 60 + "M";
        } else {
            suffix = s + "S";
        }
        return "X-MBX-USED-WEIGHT-" + suffix;
    }

    /**
     * Queues a GET.
     *
     * @param endpoint       the metric tag, e.g. aggTrades
     * @param pathAndQuery   e.g. /api/v3/aggTrades?symbol=BTCUSDT&fromId=5&limit=1000
     * @param deadlineMillis epoch ms after which the answer is of no use; the request then fails with
     *                       look_back_exceeded (rest_banned while a ban lasts) without being sent
     */
    void get(String endpoint, String pathAndQuery, int weight, long deadlineMillis, Consumer<RestReply> done) {
        queue.addLast(new Request(endpoint, pathAndQuery, weight, deadlineMillis, done));
        pump();
    }

    boolean banned() {
        return System.currentTimeMillis() < budget.bannedUntil();
    }

    private void pump() {
        while (!queue.isEmpty() && inFlight < settings.maxConcurrent()) {
            Request next = queue.peekFirst();
            long now = System.currentTimeMillis();
            long wait = budget.delayFor(next.weight, now);
            if (closed || now + wait > next.deadlineMillis) {
                queue.pollFirst();
                RestReply notSent = closed ? new RestReply(0, "not sent: shutting down", "shutdown")
                        : new RestReply(0, "not sent: the gap's look-back ends before the REST API may be asked",
                        now < budget.bannedUntil() ? "rest_banned" : "look_back_exceeded");
                // never answered inside get(): the caller is still setting its gap up
                vertx.runOnContext(v -> next.done.accept(notSent));
                continue;
            }
            if (wait > 0) {
                schedule(wait);
                return;
            }
            queue.pollFirst();
            send(next, now);
        }
    }

    private void schedule(long waitMillis) {
        if (wakeTimer >= 0) {
            return;
        }
        wakeTimer = vertx.setTimer(Math.max(1, waitMillis), t -> {
            wakeTimer = -1;
            pump();
        });
    }

    private void send(Request r, long now) {
        budget.spend(r.weight, now);
        inFlight++;
        r.attempts++;
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(host).setPort(port).setSsl(ssl)
                .setURI(basePath + r.pathAndQuery).setTimeout(settings.requestTimeout().toMillis());
        if (settings.microseconds()) {
            options.putHeader("X-MBX-TIME-UNIT", "MICROSECOND");
        }
        client.request(options)
                .compose(req -> req.send())
                .compose(resp -> resp.body().map(body -> new String[] {Integer.toString(resp.statusCode()),
                        resp.getHeader(weightHeader), resp.getHeader("Retry-After"), body.toString()}))
                .onComplete(ar -> {
                    inFlight--;
                    if (ar.succeeded()) {
                        String[] a = ar.result();
                        answered(r, now, Integer.parseInt(a[0]), a[1], a[2], a[3]);
                    } else {
                        count(r.endpoint, "error");
                        retryOrFail(r, "no answer: " + ar.cause().getMessage(), "rest_unreachable");
                    }
                    pump();
                });
    }

    private void answered(Request r, long sentAt, int status, String used, String retryAfter, String body) {
        long now = System.currentTimeMillis();
        count(r.endpoint, Integer.toString(status));
        if (used != null) {
            try {
                long u = Long.parseLong(used.trim());
                usedWeight = u;
                budget.observed(u, sentAt, now);
            } catch (NumberFormatException ignored) {
                // a malformed header only costs us the exchange's view; our own count still paces
            }
        }
        long retryAfterMillis = retryAfterMillis(retryAfter);
        switch (status) {
            case 200 -> r.done.accept(new RestReply(200, body, null));
            case 429 -> {
                budget.rateLimited(retryAfterMillis, now);
                LOG.warn("Binance REST answered 429 (too much request weight) to {}; every REST request waits {} s "
                        + "(Retry-After) and this one is sent again. If this repeats, lower k2.rest.weight-limit or "
                        + "look for other processes on this IP (docs/runbooks/sequence-gaps.md).", r.endpoint,
                        Math.max(1, retryAfterMillis / 1000));
                queue.addFirst(r);
            }
            case 418 -> {
                budget.banned(retryAfterMillis, now);
                bannedUntilMillis = budget.bannedUntil();
                LOG.error("Binance REST answered 418: this IP is BANNED from the REST API for {} s (Retry-After) for "
                        + "breaking the request-weight limit. No REST request is sent until then; gaps whose look-back "
                        + "(k2.gaps.look-back-seconds) ends first are given up with reason rest_banned. Find what else on "
                        + "this IP spends weight and lower k2.rest.weight-limit (docs/runbooks/sequence-gaps.md).",
                        (budget.bannedUntil() - now) / 1000);
                queue.addFirst(r);
            }
            default -> {
                if (status >= 500) {
                    retryOrFail(r, "HTTP " + status + ": " + abbreviate(body), "rest_http_" + status);
                } else {
                    r.done.accept(new RestReply(status, body, "rest_http_" + status));
                }
            }
        }
    }

    private void retryOrFail(Request r, String what, String failure) {
        if (r.attempts >= MAX_ATTEMPTS) {
            r.done.accept(new RestReply(0, what, failure));
            return;
        }
        long delay = Math.min(10_000, 250L << r.attempts);
        vertx.setTimer(delay, t -> {
            queue.addFirst(r);
            pump(); // after close() this answers it "shutdown"
        });
    }

    private void count(String endpoint, String status) {
        registry.counter(MetricNames.REST_REQUESTS, MetricNames.TAG_ENDPOINT, endpoint, MetricNames.TAG_STATUS, status)
                .increment();
    }

    private static long retryAfterMillis(String header) {
        if (header == null) {
            return 0;
        }
        try {
            return Long.parseLong(header.trim()) * 1000;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ').replace('\r', ' ');
        return one.length() <= 200 ? one : one.substring(0, 200) + "...";
    }


    /**
     * Shutdown: what is queued is answered "shutdown" without being sent, retries stop, the gauges go (a
     * restarted route registers its own).
     */
    void close() {
        closed = true;
        if (wakeTimer >= 0) {
            vertx.cancelTimer(wakeTimer);
            wakeTimer = -1;
        }
        pump();
        meters.forEach(registry::remove);
        client.close();
    }
}
