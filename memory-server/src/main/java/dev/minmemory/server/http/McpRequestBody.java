package dev.minmemory.server.http;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Reads the body of every {@code /mcp} request once, for all later steps, within two limits: its size
 * ({@code quarkus.http.limits.max-body-size}, else 413 with a JSON-RPC error) and the time it may take to arrive
 * ({@code memory.http.limits.body-timeout}, else 408 and the connection is closed), so that a client sending a body
 * byte by byte cannot hold a connection and a worker's attention for long.
 */
@Singleton
public class McpRequestBody {

    private static final Logger LOG = Logger.getLogger(McpRequestBody.class);
    private static final String TIMER = McpRequestBody.class.getName() + ".timer";

    private final long timeoutMillis;
    private final long maxBytes;

    public McpRequestBody(HttpConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.timeoutMillis = config.limits().bodyTimeout().toMillis();
        this.maxBytes = maxBodySize.asLongValue();
    }

    void register(@Observes Router router) {
        router.route("/mcp*").order(McpRouteOrder.BODY_DEADLINE).handler(this::startTimer);
        router.route("/mcp*").order(McpRouteOrder.BODY)
                .handler(BodyHandler.create(false).setBodyLimit(maxBytes))
                .handler(this::bodyReceived)
                .failureHandler(this::tooLarge);
    }

    private void tooLarge(RoutingContext context) {
        if (context.statusCode() != 413 || context.response().ended()) {
            context.next();
            return;
        }
        new JsonRpcRefusal(413, JsonRpcRefusal.LIMIT_REACHED, "The request body is larger than the limit of "
                + limit() + "; send less at once (shorter texts, or fewer messages in a batch).").send(context);
    }

    private String limit() {
        long mebibyte = 1L << 20;
        return maxBytes % mebibyte == 0 ? maxBytes / mebibyte + " MiB" : maxBytes + " bytes";
    }

    private void startTimer(RoutingContext context) {
        if (context.request().isEnded()) {
            context.next();
            return;
        }
        long timer = context.vertx().setTimer(timeoutMillis, ignored -> tooSlow(context));
        context.put(TIMER, timer);
        context.addEndHandler(ignored -> context.vertx().cancelTimer(timer));
        context.next();
    }

    private void bodyReceived(RoutingContext context) {
        Long timer = context.get(TIMER);
        if (timer != null) {
            context.vertx().cancelTimer(timer);
        }
        if (!context.response().ended()) {
            context.next();
        }
    }

    private void tooSlow(RoutingContext context) {
        if (context.request().isEnded() || context.response().ended()) {
            return;
        }
        LOG.debugf("Cut off a request body still arriving after %d ms", timeoutMillis);
        boolean http1 = context.request().version() != HttpVersion.HTTP_2;
        if (http1) {
            context.response().putHeader("Connection", "close");
        }
        new JsonRpcRefusal(408, JsonRpcRefusal.LIMIT_REACHED, "The request body did not arrive within "
                + timeoutMillis / 1000 + " s; send the whole body at once.").send(context)
                .onComplete(ignored -> {
                    if (http1) {
                        context.request().connection().close();
                    } else {
                        context.response().reset();
                    }
                });
    }
}
