package io.k2.binance.config;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

import io.k2.binance.connection.TlsTrust;
import io.k2.binance.normalize.SymbolCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the symbol catalog (base/quote asset of each symbol) at start-up: the exchange's own
 * exchangeInfo for the configured symbols when reachable, else the bundled snapshot, and the operator's
 * k2.binance.symbol-assets overrides on top of either. A configured symbol that is still unknown stops
 * start-up: guessing the quote asset from a suffix gets real symbols wrong.
 */
final class SymbolCatalogLoader {

    private static final Logger LOG = LoggerFactory.getLogger(SymbolCatalogLoader.class);

    private SymbolCatalogLoader() {
    }

    static SymbolCatalog load(K2Settings settings, List<String> symbols) {
        SymbolCatalog base = SymbolCatalog.bundledSnapshot();
        String url = settings.get("k2.binance.exchange-info-url");
        if (!url.isEmpty()) {
            try {
                SymbolCatalog fetched = fetch(url, symbols, settings);
                LOG.info("Symbol catalog: {} symbols from {}, {} with price/quantity filters", fetched.size(), url,
                        fetched.filteredCount());
                base = base.overriddenBy(fetched);
            } catch (Exception e) {
                LOG.warn("Could not fetch the symbol list from {} ({}); using the bundled list of {} symbols. "
                                + "Set k2.binance.exchange-info-url (K2_BINANCE_EXCHANGE_INFO_URL) to a reachable "
                                + "exchangeInfo URL, or empty to skip the fetch. Without it, prices and quantities are "
                                + "checked for their form only, not against the symbols' exchange filters.", url,
                        io.k2.binance.observe.LogText.escape(e.toString()),
                        base.size());
            }
        }
        String overrides = settings.get("k2.binance.symbol-assets");
        if (!overrides.isEmpty()) {
            try {
                base = base.overriddenBy(SymbolCatalog.fromOverrides(overrides));
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingsException(List.of("k2.binance.symbol-assets (env "
                        + K2Settings.envName("k2.binance.symbol-assets") + ") = '" + overrides + "': " + e.getMessage()));
            }
        }
        SymbolCatalog catalog = base;
        List<String> unknown = symbols.stream().map(s -> s.toUpperCase(Locale.ROOT))
                .filter(s -> !catalog.contains(s)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidSettingsException(List.of("k2.binance.symbols (env K2_BINANCE_SYMBOLS): base/quote assets "
                    + "unknown for " + unknown + "; they are neither in the exchange's symbol list nor in the "
                    + "bundled one. Check the spelling, or add them to k2.binance.symbol-assets as "
                    + unknown.get(0) + ":BASE/QUOTE"));
        }
        return catalog;
    }

    private static SymbolCatalog fetch(String url, List<String> symbols, K2Settings settings) throws Exception {
        String list = symbols.stream().map(s -> "\"" + s.toUpperCase(Locale.ROOT) + "\"")
                .collect(Collectors.joining(",", "[", "]"));
        URI uri = URI.create(url + (url.contains("?") ? "&" : "?") + "symbols="
                + URLEncoder.encode(list, StandardCharsets.UTF_8));
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        String caBundle = settings.get("k2.binance.ca-bundle");
        if (url.startsWith("https:") && !caBundle.isEmpty() && settings.getBoolean("k2.binance.ssl-verify")) {
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, TlsTrust.jvmPlusBundle(Path.of(caBundle)).getTrustManagers(), null);
            client.sslContext(ssl);
        }
        HttpResponse<String> response = client.build().send(HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        return SymbolCatalog.fromExchangeInfo(response.body());
    }
}
