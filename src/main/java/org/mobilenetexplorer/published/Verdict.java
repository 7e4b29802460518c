package org.mobilenetexplorer.published;

/** What a printed figure is, held against our arithmetic at the precision it is printed with. */
public enum Verdict {
    /** Ours rounded half-up to the printed precision equals the printed figure. */
    MATCH("match"),
    /** Ours truncated (not rounded) to the printed precision equals it: a recorded convention of the source. */
    TRUNCATED("truncated"),
    /** A recorded wrong number (the recorded explanation says what is known). */
    MISPRINT("misprint"),
    /** A recorded other counting convention or other architecture. */
    OTHER_CONVENTION("other convention"),
    /** It differs and nothing is recorded about it (the golden tests allow none in the bundled data). */
    UNEXPLAINED("not explained");

    private final String words;

    Verdict(String words) {
        this.words = words;
    }

    /** The verdict as the reports print it: {@code match}, {@code truncated}, {@code misprint}, ... */
    public String words() {
        return words;
    }
}
