package io.k2.binance.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The two REST endpoints a stream client needs next to the WebSocket: the order book snapshot for the
 * diff-depth resync (binance-protocol.md §5.1), consistent with the update ids of the depth streams, and
 * exchangeInfo for the simulated symbols. Errors use Binance's REST codes.
 */
final class RestApi {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String INVALID_SYMBOL = "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}";

    private final Subscriptions markets;

    RestApi(Subscriptions markets) {
        this.markets = markets;
    }

    void handle(HttpServerRequest request) {
        if (!"GET".equals(request.method().name())) {
            reply(request, 405, "{\"code\":-1000,\"msg\":\"Only GET is simulated.\"}");
            return;
        }
        switch (request.path()) {
            case "/api/v3/depth" -> depth(request);
            case "/api/v3/exchangeInfo" -> exchangeInfo(request);
            case "/api/v3/ping" -> reply(request, 200, "{}");
            case "/api/v3/time" -> reply(request, 200, "{\"serverTime\":" + System.currentTimeMillis() + "}");
            default -> reply(request, 404, "{\"code\":-1000,\"msg\":\"Not simulated: " + request.path() + "\"}");
        }
    }

    private void depth(HttpServerRequest request) {
        String symbol = request.getParam("symbol");
        if (symbol == null || symbol.isBlank()) {
            reply(request, 400, "{\"code\":-1102,\"msg\":\"Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.\"}");
            return;
        }
        SymbolMarket market = markets.market(symbol.toLowerCase(Locale.ROOT));
        if (market == null) {
            reply(request, 400, INVALID_SYMBOL);
            return;
        }
        int limit = 100;
        String limitParam = request.getParam("limit");
        if (limitParam != null) {
            try {
                limit = Integer.parseInt(limitParam);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > 5000) {
                reply(request, 400, "{\"code\":-1100,\"msg\":\"Illegal characters found in parameter 'limit'; legal range is '1..5000'.\"}");
                return;
            }
        }
        reply(request, 200, market.snapshot(limit).render(false));
    }

    private void exchangeInfo(HttpServerRequest request) {
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
        StringBuilder sb = new StringBuilder("{\"timezone\":\"UTC\",\"serverTime\":").append(System.currentTimeMillis())
                .append(",\"rateLimits\":[],\"exchangeFilters\":[],\"symbols\":[");
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

    private static void reply(HttpServerRequest request, int status, String json) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json;charset=UTF-8").end(json);
    }
}
