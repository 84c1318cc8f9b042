package io.k2.binance.simulator;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bin/k2 simulate fault|status|connections|faults|history ...}: a small HTTP client of a running
 * simulator's {@code /sim/} endpoint, so a demo or an outside check can inject faults without a JVM of
 * its own around the simulator classes. Prints the simulator's JSON answer.
 * Exit codes: 0 done, 1 the simulator refused (its answer says why) or is not there, 2 bad usage.
 */
final class ControlCommand {

    static final String DEFAULT_URL = "http://127.0.0.1:" + SimulatorMain.DEFAULT_PORT;
    private static final List<String> COMMANDS = List.of("fault", "status", "connections", "faults", "history");

    private ControlCommand() {
    }

    static boolean handles(String first) {
        return COMMANDS.contains(first);
    }

    static void printHelp(PrintStream out) {
        out.println("usage: bin/k2 simulate fault <name> [--connection c1] [--stream s] [--param k=v ...] [--url URL]");
        out.println("       bin/k2 simulate status | connections | faults [--url URL]");
        out.println("       bin/k2 simulate history [--stream s [--from-id N] [--to-id N] [--limit N]] [--url URL]");
        out.println("Talks to a running simulator's control endpoint (default " + DEFAULT_URL
                + "; loopback only unless it runs with --control-from-anywhere).");
        out.println("Without --connection a fault hits every open connection; ids (c1, c2, ...) come from `connections`.");
        out.println("Other parameters: --param k=v, or --k v (e.g. --code 1008 --reason 'Too many requests', --on false).");
        out.println("Faults:");
        for (Fault f : Fault.values()) {
            out.printf(Locale.ROOT, "  %-12s %-52s %s%n", f.id, f.params, f.help);
        }
        out.println("Examples:");
        out.println("  bin/k2 simulate fault drop --connection c1");
        out.println("  bin/k2 simulate fault stall --connection c2 --stream btcusdt@depth@100ms");
        out.println("  bin/k2 simulate fault stall --connection c2 --on false");
        out.println("  bin/k2 simulate fault reject --count 3 --status 418 --retryAfter 30s");
        out.println("  bin/k2 simulate fault down --for 10s");
        out.println("  bin/k2 simulate fault skip --stream btcusdt@trade --count 5");
        out.println("  bin/k2 simulate fault rest-reject --count 2 --status 429 --retryAfter 5s");
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args[0];
        String url = DEFAULT_URL;
        String fault = null;
        Map<String, String> params = new LinkedHashMap<>();
        try {
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) {
                    printHelp(out);
                    return 0;
                }
                if (!a.startsWith("--")) {
                    if (command.equals("fault") && fault == null) {
                        fault = a;
                        continue;
                    }
                    throw new IllegalArgumentException("unexpected argument '" + a + "'");
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                String value = args[++i];
                switch (a) {
                    case "--url" -> url = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
                    case "--param" -> {
                        int eq = value.indexOf('=');
                        if (eq <= 0) {
                            throw new IllegalArgumentException("--param needs k=v, got " + value);
                        }
                        params.put(value.substring(0, eq), value.substring(eq + 1));
                    }
                    case "--from-id" -> params.put("fromId", value);
                    case "--to-id" -> params.put("toId", value);
                    default -> params.put(a.substring(2), value);
                }
            }
            if (command.equals("fault") && fault == null) {
                throw new IllegalArgumentException("which fault? bin/k2 simulate fault --help lists them");
            }
            if (fault != null && Fault.byId(fault) == null) {
                throw new IllegalArgumentException("unknown fault '" + fault + "'; bin/k2 simulate fault --help lists them");
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        String path = switch (command) {
            case "fault" -> "/sim/faults/" + fault;
            case "faults" -> "/sim/faults";
            default -> "/sim/" + command;
        };
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(query.length() == 0 ? "?" : "&").append(encode(k)).append('=').append(encode(v)));
        URI target;
        try {
            target = URI.create(url + path + query);
        } catch (IllegalArgumentException e) {
            err.println("error: not a URL: " + url + " (use e.g. " + DEFAULT_URL + ")");
            return 2;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10));
        request = command.equals("fault") ? request.POST(HttpRequest.BodyPublishers.noBody()) : request.GET();
        try {
            HttpResponse<String> response = client(target).send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body().strip();
            if (response.statusCode() == 200) {
                out.println(body);
                return 0;
            }
            err.println("error: the simulator answered HTTP " + response.statusCode() + ": " + body);
            return 1;
        } catch (ConnectException e) {
            err.println("error: no simulator answering at " + url + "; start one with bin/k2 simulate"
                    + " (or point --url at it, e.g. --url http://127.0.0.1:9443)");
            return 1;
        } catch (IOException e) {
            err.println("error: talking to the simulator at " + url + " failed: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * With {@code --tls} the simulator's certificate is self-signed and freshly made; on loopback it is the
     * simulator this machine runs, so its certificate is not checked there (and only there).
     */
    private static HttpClient client(URI target) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if ("https".equals(target.getScheme()) && ControlEndpoint.loopback(hostLiteral(target.getHost()))) {
            try {
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, new TrustManager[]{new X509TrustManager() {
                    @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
                    @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { }
                    @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
                }}, null);
                b.sslContext(ctx);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return b.build();
    }

    private static String hostLiteral(String host) {
        if (host == null) {
            return "";
        }
        if (host.equals("localhost")) {
            return "127.0.0.1";
        }
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }
}
