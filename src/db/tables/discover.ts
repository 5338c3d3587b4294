/** Tables of the discover feature (see migration 0008-discover). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DiscoverTables {}
