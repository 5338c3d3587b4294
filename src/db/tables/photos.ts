/** Tables of the photos feature (see migration 0012-photos). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PhotosTables {}
