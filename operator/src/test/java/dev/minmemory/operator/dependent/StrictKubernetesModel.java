package dev.minmemory.operator.dependent;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * Reads a manifest into fabric8's typed Kubernetes model and reports every field the model does not know.
 * fabric8 keeps unknown fields in additionalProperties instead of failing, so those maps are what is checked.
 * Shared with the Helm chart's tests through the operator's test jar.
 */
public final class StrictKubernetesModel {

    private StrictKubernetesModel() {
    }

    public static HasMetadata read(String yaml) {
        return Serialization.unmarshal(yaml);
    }

    public static List<String> unknownFields(Object object) {
        var unknown = new ArrayList<String>();
        collect(object, object.getClass().getSimpleName(), unknown);
        return unknown;
    }

    private static void collect(Object value, String path, List<String> unknown) {
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collect(item, path + "[" + i++ + "]", unknown);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> collect(item, path + "." + key, unknown));
        } else if (value != null && isModel(value)) {
            for (Method getter : value.getClass().getMethods()) {
                if (isPropertyGetter(getter)) {
                    Object property = invoke(getter, value);
                    if (getter.getName().equals("getAdditionalProperties")) {
                        ((Map<?, ?>) property).keySet().forEach(key -> unknown.add(path + "." + key));
                    } else {
                        collect(property, path + "." + getter.getName().substring(3), unknown);
                    }
                }
            }
        }
    }

    /** Kubernetes' own kinds, and prometheus-operator's, which fabric8 models among its OpenShift kinds. */
    private static boolean isModel(Object value) {
        String name = value.getClass().getName();
        return name.startsWith("io.fabric8.kubernetes.api.model") || name.startsWith("io.fabric8.openshift.api.model");
    }

    private static boolean isPropertyGetter(Method method) {
        return method.getName().startsWith("get") && method.getParameterCount() == 0
                && !Modifier.isStatic(method.getModifiers()) && method.getDeclaringClass() != Object.class
                && !method.getName().equals("getValue");
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(getter + " failed", e);
        }
    }
}
