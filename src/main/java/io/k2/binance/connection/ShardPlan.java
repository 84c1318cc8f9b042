package io.k2.binance.connection;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.k2.binance.stream.StreamName;

/**
 * Which streams go on which connection, and the control frames and URLs that put them there.
 *
 * <p>Rules:
 * <ul>
 *   <li>at most {@code maxStreamsPerShard} streams per connection (Binance allows 1024, §2);</li>
 *   <li>all streams of one symbol on one connection, so one socket carries them and their relative order
 *       holds (a symbol's trades and depth never race each other over two connections);</li>
 *   <li>stable: a plan is derived from the previous one. Symbols that stay keep their shard; removed symbols
 *       leave; new symbols, and a symbol that gained streams and no longer fits its shard, go, in symbol
 *       order, into the first shard with room (first fit), else into a new shard. So adding one stream moves
 *       at most its own symbol, never reshuffles the others, and the same input gives the same plan. A first
 *       plan is the same first fit in symbol order.</li>
 * </ul>
 * Shards have ids that survive re-planning (a new shard takes the smallest free id), so the caller can map
 * shard to connection by id.
 *
 * <p>Immutable; re-plan with {@link #next}.
 */
public final class ShardPlan {

    /** Binance's per-connection limit (§2). */
    public static final int MAX_STREAMS_PER_CONNECTION = 1024;

    /**
     * Longest combined-stream URL we connect to; beyond it, connect to bare {@code /stream} and SUBSCRIBE.
     * Binance accepted about 8000 chars in 2019 and 16000 in 2020 (observed, not documented, §1); 2000 is a
     * quarter of the lower figure and the length every proxy and HTTP stack handles, about 90 stream names.
     */
    public static final int MAX_URL_CHARS = 2000;

    /**
     * Largest SUBSCRIBE/UNSUBSCRIBE frame we send: Binance silently ignores frames over about 4096 bytes (§2),
     * so stay clear of that edge; about 190 {@code <symbol>@aggTrade} names per frame.
     */
    public static final int MAX_CONTROL_FRAME_BYTES = 4000;

    private static final String STREAM_PATH = "/stream?streams=";

    /** One connection's streams. */
    public record Shard(int id, List<String> streams) {
        public Shard {
            streams = List.copyOf(streams);
        }
    }

    private final int maxStreamsPerShard;
    private final List<Shard> shards;

    private ShardPlan(int maxStreamsPerShard, List<Shard> shards) {
        this.maxStreamsPerShard = maxStreamsPerShard;
        this.shards = List.copyOf(shards);
    }

    /** A plan with no streams, to derive the first real one from. */
    public static ShardPlan empty(int maxStreamsPerShard) {
        if (maxStreamsPerShard < 1 || maxStreamsPerShard > MAX_STREAMS_PER_CONNECTION) {
            throw new IllegalArgumentException("streams per connection must be 1.." + MAX_STREAMS_PER_CONNECTION
                    + ", got " + maxStreamsPerShard);
        }
        return new ShardPlan(maxStreamsPerShard, List.of());
    }

    /** A first plan: shards filled in symbol order. */
    public static ShardPlan of(Collection<String> streams, int maxStreamsPerShard) {
        return empty(maxStreamsPerShard).next(streams);
    }

    /**
     * The plan for a new stream set, moving as little as possible from this one (see the class comment).
     *
     * @throws IllegalArgumentException when one symbol alone has more streams than a shard may hold
     */
    public ShardPlan next(Collection<String> streams) {
        Map<String, List<String>> bySymbol = groupBySymbol(streams);
        for (Map.Entry<String, List<String>> group : bySymbol.entrySet()) {
            if (group.getValue().size() > maxStreamsPerShard) {
                throw new IllegalArgumentException("symbol " + group.getKey() + " has " + group.getValue().size()
                        + " streams, more than the " + maxStreamsPerShard + " one connection may carry");
            }
        }
        // keep each remaining symbol where it was
        List<Integer> ids = new ArrayList<>();
        List<TreeSet<String>> symbols = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        TreeSet<String> homeless = new TreeSet<>(bySymbol.keySet());
        for (Shard shard : shards) {
            TreeSet<String> kept = new TreeSet<>();
            Map<String, Integer> before = new java.util.HashMap<>();
            for (String stream : shard.streams()) {
                String symbol = symbolOf(stream);
                before.merge(symbol, 1, Integer::sum);
                if (bySymbol.containsKey(symbol)) {
                    kept.add(symbol);
                }
            }
            int size = 0;
            for (String symbol : kept) {
                size += bySymbol.get(symbol).size();
            }
            // Symbols that gained streams may overflow the shard: they move out (the last first) until it fits.
            // Moving only grown symbols always suffices, since the others fitted before with as many streams.
            for (String symbol : kept.descendingSet().toArray(String[]::new)) {
                if (size <= maxStreamsPerShard) {
                    break;
                }
                int now = bySymbol.get(symbol).size();
                if (now > before.get(symbol)) {
                    kept.remove(symbol);
                    size -= now;
                }
            }
            homeless.removeAll(kept);
            ids.add(shard.id());
            symbols.add(kept);
            sizes.add(size);
        }
        for (String symbol : homeless) {
            int need = bySymbol.get(symbol).size();
            int target = -1;
            for (int i = 0; i < symbols.size(); i++) {
                if (sizes.get(i) + need <= maxStreamsPerShard) {
                    target = i;
                    break;
                }
            }
            if (target < 0) {
                ids.add(smallestFreeId(ids));
                symbols.add(new TreeSet<>());
                sizes.add(0);
                target = symbols.size() - 1;
            }
            symbols.get(target).add(symbol);
            sizes.set(target, sizes.get(target) + need);
        }
        List<Shard> planned = new ArrayList<>();
        for (int i = 0; i < symbols.size(); i++) {
            if (symbols.get(i).isEmpty()) {
                continue; // its connection can close
            }
            List<String> shardStreams = new ArrayList<>(sizes.get(i));
            for (String symbol : symbols.get(i)) {
                shardStreams.addAll(bySymbol.get(symbol));
            }
            planned.add(new Shard(ids.get(i), shardStreams));
        }
        planned.sort((a, b) -> Integer.compare(a.id(), b.id()));
        return new ShardPlan(maxStreamsPerShard, planned);
    }

    private static int smallestFreeId(List<Integer> ids) {
        Set<Integer> taken = new java.util.HashSet<>(ids);
        int id = 0;
        while (taken.contains(id)) {
            id++;
        }
        return id;
    }

    /** Symbol to its streams, symbols sorted, each symbol's streams in input order without repeats. */
    private static Map<String, List<String>> groupBySymbol(Collection<String> streams) {
        Map<String, LinkedHashSet<String>> grouped = new TreeMap<>();
        for (String stream : streams) {
            grouped.computeIfAbsent(symbolOf(stream), s -> new LinkedHashSet<>()).add(stream);
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        grouped.forEach((symbol, set) -> out.put(symbol, List.copyOf(set)));
        return out;
    }

    /**
     * The part of a stream name that must stay on one connection: the symbol before the first {@code @}, or the
     * whole name for market-wide streams such as {@code !miniTicker@arr}.
     */
    public static String symbolOf(String stream) {
        String symbol = StreamName.symbolPart(stream);
        return symbol == null ? stream : symbol;
    }

    /** Shards in id order. */
    public List<Shard> shards() {
        return shards;
    }

    /** The shard carrying a stream, or null. */
    public Shard shardOf(String stream) {
        for (Shard shard : shards) {
            if (shard.streams().contains(stream)) {
                return shard;
            }
        }
        return null;
    }

    public int maxStreamsPerShard() {
        return maxStreamsPerShard;
    }

    // ------------------------------------------------------------------ control frames and URLs

    /**
     * {@code {"method":"SUBSCRIBE","params":[...],"id":N}} frames for {@code streams}, in order, each at most
     * {@code maxFrameBytes} bytes of UTF-8, with ids {@code firstId, firstId + 1, ...}. Each frame is one of the
     * 5 messages per second (§2): send them through a {@link MessageBudget}.
     *
     * @throws IllegalArgumentException when one stream name alone does not fit a frame
     */
    public static List<String> subscribeFrames(List<String> streams, long firstId, int maxFrameBytes) {
        return controlFrames("SUBSCRIBE", streams, firstId, maxFrameBytes);
    }

    /** Like {@link #subscribeFrames}, for UNSUBSCRIBE. */
    public static List<String> unsubscribeFrames(List<String> streams, long firstId, int maxFrameBytes) {
        return controlFrames("UNSUBSCRIBE", streams, firstId, maxFrameBytes);
    }

    private static List<String> controlFrames(String method, List<String> streams, long firstId, int maxFrameBytes) {
        String head = "{\"method\":\"" + method + "\",\"params\":[";
        List<String> frames = new ArrayList<>();
        long id = firstId;
        StringBuilder params = new StringBuilder();
        int paramBytes = 0;
        for (String stream : streams) {
            String quoted = quote(stream);
            int quotedBytes = utf8Length(quoted);
            if (params.length() > 0
                    && head.length() + paramBytes + 1 + quotedBytes + tailLength(id) > maxFrameBytes) {
                frames.add(head + params + "],\"id\":" + id + "}");
                id++;
                params.setLength(0);
                paramBytes = 0;
            }
            if (params.length() == 0) {
                if (head.length() + quotedBytes + tailLength(id) > maxFrameBytes) {
                    throw new IllegalArgumentException("stream " + stream + " does not fit a " + maxFrameBytes
                            + "-byte " + method + " frame");
                }
            } else {
                params.append(',');
                paramBytes++;
            }
            params.append(quoted);
            paramBytes += quotedBytes;
        }
        if (params.length() > 0) {
            frames.add(head + params + "],\"id\":" + id + "}");
        }
        return frames;
    }

    private static int tailLength(long id) {
        return "],\"id\":".length() + Long.toString(id).length() + 1;
    }

    /**
     * Whether a combined URL ({@code <baseUrl>/stream?streams=a/b/...}) for these streams stays within
     * {@link #MAX_URL_CHARS}; when not, connect to bare {@code /stream} and SUBSCRIBE. False for no streams:
     * there is no combined URL then.
     *
     * @param baseUrl scheme, host and port, e.g. {@code wss://stream.binance.com:9443}
     */
    public static boolean fitsInUrl(String baseUrl, List<String> streams) {
        if (streams.isEmpty()) {
            return false;
        }
        long length = trimSlash(baseUrl).length() + STREAM_PATH.length() + (streams.size() - 1);
        for (String stream : streams) {
            length += urlLength(stream);
            if (length > MAX_URL_CHARS) {
                return false;
            }
        }
        return length <= MAX_URL_CHARS;
    }

    /** {@code <baseUrl>/stream?streams=a/b/...}; check {@link #fitsInUrl} first. */
    public static String combinedUrl(String baseUrl, List<String> streams) {
        return trimSlash(baseUrl) + STREAM_PATH + String.join("/", streams);
    }

    private static String trimSlash(String baseUrl) {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Chars on the wire: a non-ASCII char is percent-encoded, 3 chars per UTF-8 byte. */
    private static int urlLength(String stream) {
        return stream.codePoints().map(cp -> cp < 0x80 ? 1 : cp < 0x800 ? 6 : cp < 0x10000 ? 9 : 12).sum();
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (Shard shard : shards) {
            parts.add(shard.id() + ":" + shard.streams().size());
        }
        return "ShardPlan" + Collections.unmodifiableList(parts);
    }
}
