package io.k2.binance.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The REST endpoints a stream client needs next to the WebSocket: the order book snapshot for the
 * diff-depth resync (binance-protocol.md §5.1), consistent with the update ids of the depth streams,
 * exchangeInfo for the simulated symbols, and the trade endpoints for backfilling a gap
 * ({@code historicalTrades}, {@code trades}, {@code aggTrades}) served from each symbol's {@link TradeTape},
 * whose rows are the very events the trade streams published. Every request is weighed against
 * Binance's REQUEST_WEIGHT limit ({@link RestWeight}); errors use Binance's REST codes and wording.
 *
 * <p>Runs on the simulator's event loop.
 */
final class RestApi {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String INVALID_SYMBOL = "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}";
    private static final String MISSING_SYMBOL =
            "{\"code\":-1102,\"msg\":\"Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.\"}";
    private static final int TRADES_DEFAULT_LIMIT = 500;
    private static final int TRADES_MAX_LIMIT = 1000;
    private static final long ONE_HOUR_MICROS = 3_600_000_000L;
    /** Paths counted one by one; anything else under /api/ is counted as {@link #OTHER_PATH}, so the map stays small. */
    private static final List<String> PATHS = List.of("/api/v3/depth", "/api/v3/exchangeInfo", "/api/v3/ping",
            "/api/v3/time", "/api/v3/historicalTrades", "/api/v3/trades", "/api/v3/aggTrades");
    static final String OTHER_PATH = "other";

    private final Subscriptions markets;
    private final RestWeight weight;
    private final Duration window;
    private final Map<String, Long> requestsByPath = new HashMap<>();
    private final long[] responsesByStatus = new long[600];

    /** A request refused for a bad parameter: its Binance error body. */
    private static final class BadRequest extends RuntimeException {
        BadRequest(String json) {
            super(json, null, false, false);
        }
    }

    RestApi(Subscriptions markets, RestWeight weight, Duration window) {
        this.markets = markets;
        this.weight = weight;
        this.window = window;
    }

    void handle(HttpServerRequest request) {
        String path = request.path();
        requestsByPath.merge(PATHS.contains(path) ? path : OTHER_PATH, 1L, Long::sum);
        long now = System.currentTimeMillis();
        RestWeight.Decision decision = weight.admit(weightOf(request, path), now);
        if (!decision.passes()) {
            refuse(request, decision);
            return;
        }
        try {
            if (!"GET".equals(request.method().name())) {
                reply(request, 405, "{\"code\":-1000,\"msg\":\"Only GET is simulated.\"}");
                return;
            }
            boolean micros = microseconds(request);
            switch (path) {
                case "/api/v3/depth" -> depth(request);
                case "/api/v3/exchangeInfo" -> exchangeInfo(request, micros);
                case "/api/v3/ping" -> reply(request, 200, "{}");
                case "/api/v3/time" -> reply(request, 200, "{\"serverTime\":" + time(now * 1000, micros) + "}");
                case "/api/v3/historicalTrades" -> trades(request, micros, true);
                case "/api/v3/trades" -> trades(request, micros, false);
                case "/api/v3/aggTrades" -> aggTrades(request, micros);
                default -> reply(request, 404, "{\"code\":-1000,\"msg\":\"Not simulated: " + path + "\"}");
            }
        } catch (BadRequest e) {
            reply(request, 400, e.getMessage());
        }
    }

    /** Binance's request weights (rest-api.md); depth by its limit, unknown paths 1. */
    private static int weightOf(HttpServerRequest request, String path) {
        return switch (path) {
            case "/api/v3/depth" -> {
                int limit;
                try {
                    limit = Integer.parseInt(request.getParam("limit", "100"));
                } catch (NumberFormatException e) {
                    limit = 100;
                }
                yield limit <= 100 ? 5 : limit <= 500 ? 25 : limit <= 1000 ? 50 : 250;
            }
            case "/api/v3/historicalTrades", "/api/v3/trades" -> 25;
            case "/api/v3/aggTrades" -> 4;
            case "/api/v3/exchangeInfo" -> 20;
            default -> 1;
        };
    }

    private void refuse(HttpServerRequest request, RestWeight.Decision d) {
        String msg;
        if (d.status() == 418) {
            msg = "{\"code\":-1003,\"msg\":\"Way too much request weight used; IP banned until " + d.bannedUntilMillis()
                    + ". Please use WebSocket Streams for live updates to avoid bans.\"}";
        } else {
            msg = "{\"code\":-1003,\"msg\":\"Too much request weight used; current limit is " + weight.limit()
                    + " request weight per " + RestWeight.intervalWords(window)
                    + ". Please use WebSocket Streams for live updates to avoid polling the API.\"}";
        }
        request.response().putHeader("Retry-After", Long.toString(d.retryAfterSeconds()));
        reply(request, d.status(), msg);
    }

    /** {@code X-MBX-TIME-UNIT: MICROSECOND} puts every time of the answer in µs (binance-protocol.md). */
    private static boolean microseconds(HttpServerRequest request) {
        String unit = request.getHeader("X-MBX-TIME-UNIT");
        if (unit == null || unit.equalsIgnoreCase("MILLISECOND")) {
            return false;
        }
        if (unit.equalsIgnoreCase("MICROSECOND")) {
            return true;
        }
        throw new BadRequest("{\"code\":-1100,\"msg\":\"Illegal characters found in header 'X-MBX-TIME-UNIT'; legal values are 'MILLISECOND', 'MICROSECOND'.\"}");
    }

    private static long time(long micros, boolean inMicros) {
        return inMicros ? micros : micros / 1000;
    }

    private SymbolMarket market(HttpServerRequest request) {
        String symbol = request.getParam("symbol");
        if (symbol == null || symbol.isBlank()) {
            throw new BadRequest(MISSING_SYMBOL);
        }
        SymbolMarket market = markets.market(symbol.toLowerCase(Locale.ROOT));
        if (market == null) {
            throw new BadRequest(INVALID_SYMBOL);
        }
        return market;
    }

    /** A whole-number parameter within {@code [min, max]}, or null when absent; -1100 otherwise. */
    private static Long longParam(HttpServerRequest request, String name, long min, long max) {
        String text = request.getParam(name);
        if (text == null) {
            return null;
        }
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            value = min - 1;
        }
        if (value < min || value > max) {
            throw new BadRequest("{\"code\":-1100,\"msg\":\"Illegal characters found in parameter '" + name
                    + "'; legal range is '" + min + ".." + max + "'.\"}");
        }
        return value;
    }

    private static int limit(HttpServerRequest request, int defaultLimit, int max) {
        Long limit = longParam(request, "limit", 1, max);
        return limit == null ? defaultLimit : limit.intValue();
    }

    private void depth(HttpServerRequest request) {
        SymbolMarket market = market(request);
        int limit = limit(request, 100, 5000);
        // The book's update id right now, on the loop that also emits the depth events: the snapshot
        // always sits exactly between two diff-depth events' ids.
        reply(request, 200, market.snapshot(limit).render(false));
    }

    /**
     * {@code historicalTrades} (from {@code fromId}, inclusive, or the newest) and {@code trades} (the
     * newest); a {@code fromId} older than the tape starts at its oldest trade, so the caller sees a first
     * id above the one it asked for: that range is gone.
     */
    private void trades(HttpServerRequest request, boolean micros, boolean historical) {
        SymbolMarket market = market(request);
        int limit = limit(request, TRADES_DEFAULT_LIMIT, TRADES_MAX_LIMIT);
        Long fromId = historical ? longParam(request, "fromId", 0, Long.MAX_VALUE) : null;
        StringBuilder sb = new StringBuilder(64 + 160 * limit).append('[');
        List<MarketEvent.Trade> rows = market.tape.trades(fromId, limit);
        for (int i = 0; i < rows.size(); i++) {
            MarketEvent.Trade t = rows.get(i);
            sb.append(i == 0 ? "{\"id\":" : ",{\"id\":").append(t.id()).append(",\"price\":");
            Amount.appendQuoted(sb, t.price());
            sb.append(",\"qty\":");
            Amount.appendQuoted(sb, t.qty());
            sb.append(",\"quoteQty\":");
            Amount.appendQuoted(sb, Amount.quote(t.price(), t.qty()));
            sb.append(",\"time\":").append(time(t.tradeMicros(), micros)).append(",\"isBuyerMaker\":")
              .append(t.buyerMaker()).append(",\"isBestMatch\":true}");
        }
        reply(request, 200, sb.append(']').toString());
    }

    /** {@code aggTrades} by {@code fromId} (inclusive), by {@code startTime}/{@code endTime}, or the newest. */
    private void aggTrades(HttpServerRequest request, boolean micros) {
        SymbolMarket market = market(request);
        int limit = limit(request, TRADES_DEFAULT_LIMIT, TRADES_MAX_LIMIT);
        Long fromId = longParam(request, "fromId", 0, Long.MAX_VALUE);
        // Bounded so that a time in ms still fits a long once in µs.
        Long start = longParam(request, "startTime", 0, Long.MAX_VALUE / 1000);
        Long end = longParam(request, "endTime", 0, Long.MAX_VALUE / 1000);
        List<MarketEvent.AggTrade> rows;
        if (fromId != null && (start != null || end != null)) {
            throw new BadRequest("{\"code\":-1128,\"msg\":\"Combination of optional parameters invalid.\"}");
        } else if (start != null || end != null) {
            // Request times are in the unit of the answer's: ms, or µs with X-MBX-TIME-UNIT: MICROSECOND.
            long scale = micros ? 1 : 1000;
            if (start != null && end != null && (end - start) * scale > ONE_HOUR_MICROS) {
                throw new BadRequest("{\"code\":-1127,\"msg\":\"More than 1 hours between startTime and endTime.\"}");
            }
            // One bound alone spans the hour next to it, as Binance's window does.
            long from = start != null ? start * scale : end * scale - ONE_HOUR_MICROS;
            long to = end != null ? end * scale + scale - 1 : from + ONE_HOUR_MICROS;
            rows = market.tape.aggTradesBetween(from, to, limit);
        } else {
            rows = market.tape.aggTrades(fromId, limit);
        }
        StringBuilder sb = new StringBuilder(64 + 120 * limit).append('[');
        for (int i = 0; i < rows.size(); i++) {
            MarketEvent.AggTrade a = rows.get(i);
            sb.append(i == 0 ? "{\"a\":" : ",{\"a\":").append(a.id()).append(",\"p\":");
            Amount.appendQuoted(sb, a.price());
            sb.append(",\"q\":");
            Amount.appendQuoted(sb, a.qty());
            sb.append(",\"f\":").append(a.firstTradeId()).append(",\"l\":").append(a.lastTradeId())
              .append(",\"T\":").append(time(a.tradeMicros(), micros)).append(",\"m\":").append(a.buyerMaker())
              .append(",\"M\":true}");
        }
        reply(request, 200, sb.append(']').toString());
    }

    private void exchangeInfo(HttpServerRequest request, boolean micros) {
        List<SymbolMarket> selected = new ArrayList<>();
        String one = request.getParam("symbol");
        String many = request.getParam("symbols");
        try {
            if (one != null) {
                selected.add(require(one));
            } else if (many != null) {
                JsonNode names = MAPPER.readTree(many);
                if (!names.isArray()) {
                    throw new IllegalArgumentException();
                }
                for (JsonNode n : names) {
                    selected.add(require(n.asText()));
                }
            } else {
                selected.addAll(markets.markets());
            }
        } catch (Exception e) {
            reply(request, 400, INVALID_SYMBOL);
            return;
        }
        StringBuilder sb = new StringBuilder("{\"timezone\":\"UTC\",\"serverTime\":")
                .append(time(System.currentTimeMillis() * 1000, micros))
                .append(",\"rateLimits\":[").append(RestWeight.rateLimitJson(window, weight.limit()))
                .append("],\"exchangeFilters\":[],\"symbols\":[");
        for (int i = 0; i < selected.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            appendSymbol(sb, selected.get(i).spec);
        }
        reply(request, 200, sb.append("]}").toString());
    }

    private SymbolMarket require(String symbol) {
        SymbolMarket m = markets.market(symbol.toLowerCase(Locale.ROOT));
        if (m == null) {
            throw new IllegalArgumentException(symbol);
        }
        return m;
    }

    private static void appendSymbol(StringBuilder sb, SymbolSpec s) {
        sb.append("{\"symbol\":\"").append(s.symbol()).append("\",\"status\":\"TRADING\",\"baseAsset\":\"")
          .append(s.baseAsset()).append("\",\"baseAssetPrecision\":8,\"quoteAsset\":\"").append(s.quoteAsset())
          .append("\",\"quotePrecision\":8,\"quoteAssetPrecision\":8,\"baseCommissionPrecision\":8,\"quoteCommissionPrecision\":8,")
          .append("\"orderTypes\":[\"LIMIT\",\"LIMIT_MAKER\",\"MARKET\",\"STOP_LOSS_LIMIT\",\"TAKE_PROFIT_LIMIT\"],")
          .append("\"icebergAllowed\":true,\"ocoAllowed\":true,\"otoAllowed\":true,\"quoteOrderQtyMarketAllowed\":true,")
          .append("\"allowTrailingStop\":true,\"cancelReplaceAllowed\":true,\"isSpotTradingAllowed\":true,")
          .append("\"isMarginTradingAllowed\":false,\"filters\":[{\"filterType\":\"PRICE_FILTER\",\"minPrice\":");
        Amount.appendQuoted(sb, s.tick());
        sb.append(",\"maxPrice\":");
        Amount.appendQuoted(sb, 1_000_000 * Amount.ONE);
        sb.append(",\"tickSize\":");
        Amount.appendQuoted(sb, s.tick());
        sb.append("},{\"filterType\":\"LOT_SIZE\",\"minQty\":");
        Amount.appendQuoted(sb, s.qtyStep());
        sb.append(",\"maxQty\":");
        Amount.appendQuoted(sb, 9_000_000 * Amount.ONE);
        sb.append(",\"stepSize\":");
        Amount.appendQuoted(sb, s.qtyStep());
        sb.append("}],\"permissions\":[],\"permissionSets\":[[\"SPOT\"]],")
          .append("\"defaultSelfTradePreventionMode\":\"EXPIRE_MAKER\",")
          .append("\"allowedSelfTradePreventionModes\":[\"EXPIRE_TAKER\",\"EXPIRE_MAKER\",\"EXPIRE_BOTH\"]}");
    }

    /** Every answer, refusals included, carries the used weight, as Binance's do. */
    private void reply(HttpServerRequest request, int status, String json) {
        responsesByStatus[status]++;
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json;charset=UTF-8")
                .putHeader(weight.headerName(), Integer.toString(weight.used(System.currentTimeMillis()))).end(json);
    }

    /** Requests to one {@code /api/} path so far ({@link #OTHER_PATH} for the paths not simulated). */
    long requests(String path) {
        return requestsByPath.getOrDefault(path, 0L);
    }

    /** Answers with this HTTP status so far. */
    long responses(int status) {
        return status >= 0 && status < responsesByStatus.length ? responsesByStatus[status] : 0;
    }
}
