/**
 * How many rows each section of an organization's page shows (people, interactions, commitments,
 * follow-ups). The largest organizations have thousands; the section shows this many and links to
 * the filtered list. Models fetch one more, so the page knows there are more without a count.
 */
export const ORG_SECTION_LIMIT = 50;
