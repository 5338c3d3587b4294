/** Tables of the share feature (see migration 0013-share). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ShareTables {}
