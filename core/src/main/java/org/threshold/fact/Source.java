package org.threshold.fact;

/**
 * Where an event comes from: the data set, the record's identifier in it, the address of the page
 * it was read from, and a note. Every part is optional, but a source names at least one. An event
 * carries it through every command, and a conclusion resting on the event cites it by
 * {@link #citation()}.
 *
 * @param dataset the data set, such as {@code chronology} or {@code gdelt}; null where unnamed
 * @param id the record within the data set, such as {@code row 17}; null where unnamed
 * @param url the address of the source; null where none
 * @param note anything else worth keeping, such as how many records were merged; null where none
 */
public record Source(String dataset, String id, String url, String note) {

    public Source {
        dataset = blankToNull(dataset);
        id = blankToNull(id);
        url = blankToNull(url);
        note = blankToNull(note);
        if (dataset == null && id == null && url == null && note == null) {
            throw new IllegalArgumentException("a source names at least one of dataset, id, url, note");
        }
    }

    /**
     * How a conclusion cites this source: {@code dataset:id}, or the one of them given, or else
     * the address or the note.
     */
    public String citation() {
        if (dataset != null && id != null) {
            return dataset + ":" + id;
        }
        if (dataset != null || id != null) {
            return dataset != null ? dataset : id;
        }
        return url != null ? url : note;
    }

    /** The citation, as {@code Source[dataset:id]}, so that an event prints on one short line. */
    @Override
    public String toString() {
        return "Source[" + citation() + "]";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
