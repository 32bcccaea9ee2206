package dev.minmemory.server.console;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * The console's paths outside its API resources: {@code /console} redirects to the page, {@code /console/}; a
 * {@code /console/api} path that no resource serves gets the API's JSON 404, not an HTML page.
 */
@Singleton
public class ConsoleRoutes {

    /** After every route of Quarkus's (REST is one), which pass on the requests they have nothing for. */
    private static final int AFTER_THE_API = 100_000;

    void register(@Observes Router router) {
        router.routeWithRegex("/console").handler(context -> context.response().setStatusCode(302)
                .putHeader("Location", "/console/").end());
        router.route("/console/api/*").order(AFTER_THE_API).handler(context -> context.response().setStatusCode(404)
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", "No such console API path.").encode()));
    }
}
