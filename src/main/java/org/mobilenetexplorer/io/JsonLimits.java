package org.mobilenetexplorer.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The limits every Jackson reader of a user file runs under (presets, accuracy files, result files): nesting depth,
 * string, number and name lengths. Jackson's defaults (depth 1000, strings of 20 million characters) are far beyond
 * anything these files hold; a hostile file fails fast with Jackson's message instead of exhausting the stack or
 * the heap.
 */
public final class JsonLimits {
    /** Deepest nesting (a result file nests about 4 levels). */
    public static final int MAX_NESTING_DEPTH = 32;
    /** Longest string value, in characters. */
    public static final int MAX_STRING_LENGTH = 100_000;
    /** Longest number, in characters. */
    public static final int MAX_NUMBER_LENGTH = 100;
    /** Longest field name, in characters. */
    public static final int MAX_NAME_LENGTH = 1_000;

    private JsonLimits() {
    }

    /** The constraints above. */
    public static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .build();
    }

    /** Puts the constraints on {@code factory} (a JSON or CSV factory) and returns it. */
    public static <F extends JsonFactory> F apply(F factory) {
        factory.setStreamReadConstraints(constraints());
        return factory;
    }

    /** Puts the constraints on {@code mapper}'s factory and returns the mapper. */
    public static <M extends ObjectMapper> M apply(M mapper) {
        apply(mapper.getFactory());
        return mapper;
    }
}
