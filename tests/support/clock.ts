/** A clock that only moves when the test says so, for the job queue's leases and retries. */
export function manualClock(start = Date.parse('2026-12-01T09:00:00.000Z')) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

export type ManualClock = ReturnType<typeof manualClock>;
