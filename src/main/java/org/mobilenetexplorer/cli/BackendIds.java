package org.mobilenetexplorer.cli;

import java.util.ArrayList;
import java.util.List;
import org.mobilenetexplorer.bench.Backends;

/** Backend ids from the command line ({@code bench}, {@code sweep}, {@code verify}): checked in one place. */
final class BackendIds {
    private BackendIds() {
    }

    /** The registered backend id {@code id} (trimmed), or an {@link OptionValueException} listing the known ids. */
    static String one(String option, String id) {
        String trimmed = id == null ? "" : id.strip();
        List<String> known = Backends.ids();
        if (!known.contains(trimmed)) {
            throw new OptionValueException(option, id, "must be one of " + String.join(", ", known));
        }
        return trimmed;
    }

    /** Each of {@code ids} checked by {@link #one}, duplicates dropped, in order. */
    static List<String> list(String option, List<String> ids) {
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            String checked = one(option, id);
            if (!out.contains(checked)) {
                out.add(checked);
            }
        }
        return out;
    }
}
