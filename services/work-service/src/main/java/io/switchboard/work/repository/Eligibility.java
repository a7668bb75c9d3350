package io.switchboard.work.repository;

/**
 * Whether a queued item {@code i} fits an agent, as SQL over the agent's skills, languages and regions (columns or
 * init plans): the pull asks it of the pulling agent, the re-offer rule and the stranded-work count of the others.
 * The channel's capacity is left to the caller: the pull counts free slots, the others whether the agent serves
 * the channel at all.
 */
final class Eligibility {

    private Eligibility() {
    }

    /** All of {@link #skills}, {@link #language} and {@link #region}. */
    static String fits(String skills, String languages, String regions) {
        return skills(skills) + " AND " + language(languages) + " AND " + region(regions);
    }

    /** The skills of the item's targeting step, or of the next step once it started ($2 is now). */
    static String skills(String skills) {
        return "(i.required_skills <@ %1$s OR (i.next_step_at <= $2 AND i.next_skills <@ %1$s))".formatted(skills);
    }

    /**
     * An item without a language fits everyone; an agent without languages takes every language. (The cast keeps
     * {@code ANY} from reading a sub-select as a set of rows.)
     */
    static String language(String languages) {
        return "(i.language IS NULL OR cardinality(%1$s) = 0 OR i.language = ANY (%1$s::text[]))".formatted(languages);
    }

    /** Postal-code prefixes: an item without a postal code, or an agent without regions, fits. */
    static String region(String regions) {
        return """
                (i.postal_code IS NULL OR cardinality(%1$s) = 0
                 OR EXISTS (SELECT 1 FROM unnest(%1$s) r WHERE i.postal_code LIKE r || '%%'))""".formatted(regions);
    }
}
