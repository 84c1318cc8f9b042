package io.k2.binance.simulator;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bare RFC 6455 client over a plain (or TLS) socket. Test clients of Vert.x and the JDK answer pings by
 * themselves and hide whether a close frame arrived; this one lets a test decide whether to answer a
 * ping, send unsolicited pongs, and tell a clean close from a dropped TCP connection (1006).
 */
final class TestClient implements AutoCloseable {

    /** The server refused the upgrade with this HTTP status. */
    static final class HandshakeRefused extends IOException {
        final int status;
        /** Response headers, names in lower case. */
        final java.util.Map<String, String> headers;

        HandshakeRefused(int status, String line, java.util.Map<String, String> headers) {
            super("handshake refused: " + line);
            this.status = status;
            this.headers = headers;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;
    private final boolean keepMessages;
    private final List<String> messages = Collections.synchronizedList(new ArrayList<>());
    private final List<String> pings = Collections.synchronizedList(new ArrayList<>());
    private final List<String> pongs = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong receivedBytes = new AtomicLong();
    volatile boolean answerPings = true;
    private volatile Integer closeCode;
    private volatile String closeReason;
    private volatile boolean ended;
    private volatile boolean closeFrameSeen;

    private TestClient(Socket socket, InputStream in, boolean keepMessages) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new DataInputStream(in);
        this.keepMessages = keepMessages;
    }

    static TestClient connect(String url) throws IOException {
        return connect(url, null, true);
    }

    /** {@code tls} may be null for ws://; with it, the host name is verified as a browser would. */
    static TestClient connect(String url, SSLSocketFactory tls, boolean keepMessages) throws IOException {
        return connect(url, tls, keepMessages, true);
    }

    /** With {@code read} false nothing is read after the handshake: a client that has stalled. */
    static TestClient connect(String url, SSLSocketFactory tls, boolean keepMessages, boolean read) throws IOException {
        URI uri = URI.create(url);
        Socket socket;
        if (tls != null) {
            SSLSocket ssl = (SSLSocket) tls.createSocket(uri.getHost(), uri.getPort());
            SSLParameters params = ssl.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            ssl.setSSLParameters(params);
            ssl.startHandshake();
            socket = ssl;
        } else {
            socket = new Socket(uri.getHost(), uri.getPort());
        }
        socket.setTcpNoDelay(true);
        InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        String status = readLine(in);
        java.util.Map<String, String> headers = new java.util.HashMap<>();
        for (String h = readLine(in); !h.isEmpty(); h = readLine(in)) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT), h.substring(colon + 1).trim());
            }
        }
        int code = Integer.parseInt(status.split(" ")[1]);
        if (code != 101) {
            socket.close();
            throw new HandshakeRefused(code, status, headers);
        }
        TestClient client = new TestClient(socket, in, keepMessages);
        if (!read) {
            return client;
        }
        Thread reader = new Thread(client::readLoop, "test-ws-reader");
        reader.setDaemon(true);
        reader.start();
        return client;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new EOFException("connection closed during the handshake");
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    private void readLoop() {
        ByteArrayOutputStream fragments = new ByteArrayOutputStream();
        try {
            while (true) {
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                boolean fin = (b0 & 0x80) != 0;
                int opcode = b0 & 0x0F;
                long len = b1 & 0x7F;
                if (len == 126) {
                    len = in.readUnsignedShort();
                } else if (len == 127) {
                    len = in.readLong();
                }
                byte[] payload = new byte[(int) len];
                in.readFully(payload);
                switch (opcode) {
                    case 0, 1 -> {
                        fragments.write(payload);
                        if (fin) {
                            onText(fragments.toString(StandardCharsets.UTF_8));
                            fragments.reset();
                        }
                    }
                    case 8 -> {
                        closeFrameSeen = true;
                        closeCode = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                        closeReason = payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
                        sendFrame(8, payload.length >= 2 ? new byte[]{payload[0], payload[1]} : new byte[0]);
                        socket.close();
                        return;
                    }
                    case 9 -> {
                        pings.add(new String(payload, StandardCharsets.UTF_8));
                        if (answerPings) {
                            sendFrame(10, payload);
                        }
                    }
                    case 10 -> pongs.add(new String(payload, StandardCharsets.UTF_8));
                    default -> {
                        // binary frames are not used by the simulator
                    }
                }
            }
        } catch (IOException e) {
            if (!closeFrameSeen) {
                closeCode = 1006;
                closeReason = "";
            }
        } finally {
            ended = true;
        }
    }

    private void onText(String text) {
        received.incrementAndGet();
        receivedBytes.addAndGet(text.length());
        if (keepMessages) {
            messages.add(text);
        }
    }

    synchronized void sendFrame(int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write(0x80 | opcode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xFF);
        } else {
            frame.write(0x80 | 127);
            for (int i = 7; i >= 0; i--) {
                frame.write((int) ((long) payload.length >> (8 * i)) & 0xFF);
            }
        }
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    void send(String text) throws IOException {
        sendFrame(1, text.getBytes(StandardCharsets.UTF_8));
    }

    void ping(String payload) throws IOException {
        sendFrame(9, payload.getBytes(StandardCharsets.UTF_8));
    }

    void pong(String payload) throws IOException {
        sendFrame(10, payload.getBytes(StandardCharsets.UTF_8));
    }

    /** Text messages received so far, in order (a copy). */
    List<String> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    List<String> pings() {
        synchronized (pings) {
            return List.copyOf(pings);
        }
    }

    /** Pongs the server sent, i.e. answers to this client's pings. */
    List<String> pongs() {
        synchronized (pongs) {
            return List.copyOf(pongs);
        }
    }

    long received() {
        return received.get();
    }

    long receivedBytes() {
        return receivedBytes.get();
    }

    /** Whether the connection is over, by close frame or TCP drop. */
    boolean ended() {
        return ended;
    }

    /** The close code, 1006 when the TCP connection ended without a close frame; null while open. */
    Integer closeCode() {
        return closeCode;
    }

    String closeReason() {
        return closeReason;
    }

    boolean closeFrameSeen() {
        return closeFrameSeen;
    }

    @Override
    public void close() {
        try {
            if (!ended) {
                sendFrame(8, new byte[]{0x03, (byte) 0xE8});
            }
        } catch (IOException e) {
            // already gone
        }
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
