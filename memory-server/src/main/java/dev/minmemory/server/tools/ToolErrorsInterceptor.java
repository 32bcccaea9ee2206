package dev.minmemory.server.tools;

import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.jboss.logging.Logger;

import dev.minmemory.server.embedding.EmbeddingModelUnavailableException;
import dev.minmemory.server.memory.MemoryRequestException;
import dev.minmemory.server.store.StorageUnavailableException;
import io.quarkiverse.mcp.server.ToolCallException;

/**
 * A refused request becomes a tool error with the domain's message; an unreachable store becomes the tool error
 * "Storage unavailable", which says to retry; an embedding model still loading, a tool error saying to retry in a few
 * seconds (and one that failed to load, a tool error saying to tell the operator), logged without a stack trace. Anything unexpected is logged with a reference
 * and becomes a tool error that quotes only the reference: no stack trace or internal detail reaches the client.
 */
@ToolErrors
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class ToolErrorsInterceptor {

    private static final Logger LOG = Logger.getLogger(ToolErrorsInterceptor.class);
    static final String STORAGE_UNAVAILABLE = "Storage unavailable: the memory server cannot reach its database right"
            + " now, and this call did not complete (nothing was half-written). Retry in a few seconds; retrying is"
            + " safe. If it keeps failing, tell the server's operator that the memory store is unreachable.";
    static final String MODEL_LOADING = "The embedding model is still loading, retry in a few seconds. Nothing was"
            + " read or written by this call.";
    static final String MODEL_FAILED = "The embedding model failed to load, so this call cannot run (nothing was"
            + " written). Tell the server's operator: the server's log and readiness check say why.";

    @AroundInvoke
    Object answerFailuresAsToolErrors(InvocationContext context) throws Exception {
        try {
            return context.proceed();
        } catch (ToolCallException e) {
            throw e;
        } catch (MemoryRequestException e) {
            throw new ToolCallException(e.getMessage());
        } catch (EmbeddingModelUnavailableException e) {
            LOG.debugf("Tool %s: %s", context.getMethod().getName(), e.getMessage());
            throw new ToolCallException(e.stillLoading() ? MODEL_LOADING : MODEL_FAILED);
        } catch (StorageUnavailableException e) {
            LOG.warnf("Tool %s: storage unavailable: %s", context.getMethod().getName(), e.getMessage());
            throw new ToolCallException(STORAGE_UNAVAILABLE);
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString();
            LOG.errorf(e, "Tool %s failed (reference %s)", context.getMethod().getName(), reference);
            throw new ToolCallException("The server could not complete this call (reference " + reference
                    + "). Retry later; if it keeps failing, report the reference to the server's operator.");
        }
    }
}
