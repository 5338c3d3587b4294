/** Milliseconds since the epoch. Services take one so tests can move time by hand instead of waiting. */
export type Clock = () => number;
