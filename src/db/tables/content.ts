/** Tables of the content feature (see migration). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ContentTables {}
