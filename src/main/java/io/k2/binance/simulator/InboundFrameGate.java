package io.k2.binance.simulator;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.util.ReferenceCountUtil;

import java.util.ArrayDeque;

/**
 * Sits in a connection's Netty pipeline in front of Vert.x, which answers every ping by itself: only here
 * can a ping be kept from ever getting its pong. Half-open drops the client's pings; frozen holds every
 * incoming frame, as a stopped process leaves them in its socket, and lets them through on thaw.
 *
 * <p>Runs on the simulator's single event loop, like everything else.
 */
final class InboundFrameGate extends ChannelInboundHandlerAdapter {

    static final String NAME = "sim-inbound-gate";

    private final ArrayDeque<Object> held = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private boolean swallowPings;
    private boolean frozen;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    void swallowPings(boolean swallow) {
        this.swallowPings = swallow;
    }

    void freeze(boolean freeze) {
        this.frozen = freeze;
        if (!freeze && ctx != null && !held.isEmpty()) {
            while (!held.isEmpty()) {
                ctx.fireChannelRead(held.pollFirst());
            }
            // Vert.x defers flushing what it writes during a read until the read completes; without this
            // it would believe the read still under way and never flush this connection again.
            ctx.fireChannelReadComplete();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (frozen) {
            held.addLast(msg);
        } else if (swallowPings && msg instanceof PingWebSocketFrame) {
            ReferenceCountUtil.release(msg);
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        while (!held.isEmpty()) {
            ReferenceCountUtil.release(held.pollFirst());
        }
        ctx.fireChannelInactive();
    }
}
