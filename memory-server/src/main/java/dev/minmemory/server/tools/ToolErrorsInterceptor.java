package dev.minmemory.server.tools;

import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.jboss.logging.Logger;

import dev.minmemory.server.memory.MemoryRequestException;
import io.quarkiverse.mcp.server.ToolCallException;

/**
 * A refused request becomes a tool error with the domain's message. Anything unexpected is logged with a reference
 * and becomes a tool error that quotes only the reference: no stack trace or internal detail reaches the client.
 */
@ToolErrors
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class ToolErrorsInterceptor {

    private static final Logger LOG = Logger.getLogger(ToolErrorsInterceptor.class);

    @AroundInvoke
    Object answerFailuresAsToolErrors(InvocationContext context) throws Exception {
        try {
            return context.proceed();
        } catch (ToolCallException e) {
            throw e;
        } catch (MemoryRequestException e) {
            throw new ToolCallException(e.getMessage());
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString();
            LOG.errorf(e, "Tool %s failed (reference %s)", context.getMethod().getName(), reference);
            throw new ToolCallException("The server could not complete this call (reference " + reference
                    + "). Retry later; if it keeps failing, report the reference to the server's operator.");
        }
    }
}
