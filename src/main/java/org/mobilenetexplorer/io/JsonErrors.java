package org.mobilenetexplorer.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/** One-line descriptions of Jackson errors for messages that name the file and field (result files, profiles). */
public final class JsonErrors {
    private JsonErrors() {
    }

    /** {@code latencyMs.median: missing}: the JSON path of the failing field and the first line of the cause. */
    public static String describe(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce("", String::concat);
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root instanceof JsonMappingException jm ? jm.getOriginalMessage() : root.getMessage();
        String first = msg == null ? root.getClass().getSimpleName() : msg.lines().findFirst().orElse("");
        if (first.startsWith("Missing creator property") || first.startsWith("Null value for creator property")) {
            first = "missing";
        }
        return (path.isEmpty() ? "" : path.substring(path.startsWith(".") ? 1 : 0) + ": ") + first;
    }

    /** The first line of an exception's message (Jackson's original message, without its location). */
    public static String firstLine(Exception e) {
        String m = e instanceof JsonProcessingException jp ? jp.getOriginalMessage() : e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse("");
    }
}
