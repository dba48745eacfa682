/**
 * The limits on a summary PDF's attachments (see attachments.ts), apart from the reader so the
 * pages that state them do not load pdf-lib into the request thread (the reading runs in a
 * worker): the largest attachment, inflated, and the deepest nesting of its JSON.
 */
export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;
export const MAX_NESTING = 32;
/** The largest attachment in megabytes, as the pages say it. */
export const MAX_ATTACHMENT_MEGABYTES = MAX_ATTACHMENT_BYTES / (1024 * 1024);
