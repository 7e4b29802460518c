package org.mobilenetexplorer.bench;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Finds backends by id through {@link ServiceLoader}, so this package never names an implementation. */
public final class Backends {
    private Backends() {
    }

    /** All registered backends, in registration order. */
    public static List<InferenceBackend> all() {
        return ServiceLoader.load(InferenceBackend.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    /** Ids of the registered backends. */
    public static List<String> ids() {
        return all().stream().map(InferenceBackend::id).toList();
    }

    /** The backend with this id, or an exception listing the known ids. */
    public static InferenceBackend byId(String id) {
        return all().stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("backend = " + id + ": must be one of "
                        + all().stream().map(InferenceBackend::id).collect(Collectors.joining(", "))));
    }
}
