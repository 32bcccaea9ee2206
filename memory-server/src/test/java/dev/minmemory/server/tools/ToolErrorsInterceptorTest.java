package dev.minmemory.server.tools;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Map;

import jakarta.interceptor.InvocationContext;

import org.junit.jupiter.api.Test;

import dev.minmemory.server.embedding.EmbeddingModelUnavailableException;
import io.quarkiverse.mcp.server.ToolCallException;

class ToolErrorsInterceptorTest {

    private final ToolErrorsInterceptor interceptor = new ToolErrorsInterceptor();

    @Test
    void a_call_while_the_model_is_loading_is_a_tool_error_saying_to_retry_in_a_few_seconds() {
        assertThatThrownBy(() -> interceptor.answerFailuresAsToolErrors(failingWith(
                EmbeddingModelUnavailableException.stillLoading("embedding model is still loading: bge"))))
                .isInstanceOf(ToolCallException.class)
                .hasMessageStartingWith("The embedding model is still loading, retry in a few seconds.")
                .hasMessageNotContaining("reference");
    }

    @Test
    void a_call_after_the_model_failed_to_load_is_a_tool_error_for_the_operator() {
        assertThatThrownBy(() -> interceptor.answerFailuresAsToolErrors(failingWith(
                EmbeddingModelUnavailableException.failedToLoad("bge failed to load", new IllegalStateException()))))
                .isInstanceOf(ToolCallException.class)
                .hasMessageContaining("failed to load")
                .hasMessageContaining("operator");
    }

    private static InvocationContext failingWith(RuntimeException failure) {
        return new InvocationContext() {
            @Override
            public Object getTarget() {
                return null;
            }

            @Override
            public Object getTimer() {
                return null;
            }

            @Override
            public Method getMethod() {
                try {
                    return Object.class.getMethod("toString");
                } catch (NoSuchMethodException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public Constructor<?> getConstructor() {
                return null;
            }

            @Override
            public Object[] getParameters() {
                return new Object[0];
            }

            @Override
            public void setParameters(Object[] params) {
            }

            @Override
            public Map<String, Object> getContextData() {
                return Map.of();
            }

            @Override
            public Object proceed() {
                throw failure;
            }
        };
    }
}
