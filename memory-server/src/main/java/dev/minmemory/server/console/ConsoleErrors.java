package dev.minmemory.server.console;

import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import dev.minmemory.server.memory.EmbeddingModelUnavailableException;
import dev.minmemory.server.memory.MemoryNotFoundException;
import dev.minmemory.server.memory.MemoryRequestException;
import dev.minmemory.server.memory.StorageUnavailableException;

/**
 * Every failure of a console API request as JSON {@code {"error": "..."}}: the domain's refusals with its message
 * (400, a foreign or missing id 404), a body that is not the JSON asked for 400, the HTTP layer's own refusals (404,
 * 405, 406, 413, 415) with their status, an unreachable store or a model still loading 503; anything unexpected 500
 * with only a reference, which the log has with the stack trace.
 */
public class ConsoleErrors {

    private static final Logger LOG = Logger.getLogger(ConsoleErrors.class);

    @ServerExceptionMapper
    public Response refused(MemoryRequestException e) {
        // The domain's not-found message advises an assistant which tool to call; a person gets it without that.
        return e instanceof MemoryNotFoundException notFound
                ? error(404, "No memory with id '" + notFound.id() + "' exists.")
                : error(400, e.getMessage());
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return error(400, "Unknown field '" + e.getPropertyName() + "': the body may only hold "
                + String.join(", ", e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()) + ".");
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e) {
        String field = e.getPath().stream().map(reference -> reference.getFieldName() != null
                ? reference.getFieldName() : "[" + reference.getIndex() + "]").collect(Collectors.joining("."));
        return error(400, field.isEmpty() ? "The body must be a JSON object."
                : "The body's field '" + field + "' does not have the type it takes.");
    }

    @ServerExceptionMapper
    public Response malformedBody(JsonProcessingException e) {
        return error(400, "The body is not the JSON this request takes: " + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response httpRefusal(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return error(status.getStatusCode(), status.getReasonPhrase() + ".");
    }

    @ServerExceptionMapper
    public Response storageUnavailable(StorageUnavailableException e) {
        LOG.warnf("Console: storage unavailable: %s", e.getMessage());
        return error(503, "Storage unavailable: the memory server cannot reach its database right now, and nothing"
                + " was changed. Retry in a few seconds.");
    }

    @ServerExceptionMapper
    public Response modelUnavailable(EmbeddingModelUnavailableException e) {
        return error(503, e.stillLoading() ? "The embedding model is still loading, retry in a few seconds."
                : "The embedding model failed to load; tell the server's operator.");
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Console request failed (reference %s)", reference);
        return error(500, "The server could not complete this request (reference " + reference + ").");
    }

    static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(message)).build();
    }

    public record ErrorBody(String error) {
    }
}
