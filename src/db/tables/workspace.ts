/** Tables of the workspace feature (see migration 0007-workspace). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface WorkspaceTables {}
