/**
 * One id per browser tab, sent with every write and every audit log entry, so the server
 * pairs a log entry with the write it describes (and the record as it was before that
 * write) even when several tabs edit the same record. See examples/demo/README.md.
 */
export const CLIENT_ID: string = crypto.randomUUID();

export const CLIENT_ID_HEADER = "X-Demo-Client";
