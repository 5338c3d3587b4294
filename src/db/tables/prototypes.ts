/** Tables of the prototypes feature (see migration 0010-prototypes). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PrototypesTables {}
