/** Tables of the plan feature (see migration 0011-plan). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PlanTables {}
