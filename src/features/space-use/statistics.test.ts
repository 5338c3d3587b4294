import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  compareBeforeAfter,
  comparableSweeps,
  hourOfWeek,
  mean,
  occupancyPercent,
  studentTQuantile,
} from './statistics';

/** Asserts |actual − expected| ≤ tolerance, naming both on failure. */
function near(actual: number | undefined, expected: number, tolerance: number, what = '') {
  assert.ok(
    actual !== undefined && Math.abs(actual - expected) <= tolerance,
    `${what} ${actual} is not within ${tolerance} of ${expected}`,
  );
}

describe('Student t quantile', () => {
  // t(0.975, df), as printed in the NIST/SEMATECH e-Handbook of Statistical
  // Methods, table 1.3.6.7.2 (12.706, 4.303, 2.571, 2.228, 2.042, 1.984,
  // 1.962), here to nine decimals as given by scipy.stats.t.ppf.
  const table: [number, number][] = [
    [1, 12.706204736],
    [2, 4.302652730],
    [5, 2.570581836],
    [10, 2.228138852],
    [30, 2.042272456],
    [100, 1.983971519],
    [1000, 1.962339081],
  ];
  for (const [df, expected] of table) {
    it(`t(0.975, ${df}) = ${expected}`, () => near(studentTQuantile(0.975, df), expected, 1e-8));
  }

  it('handles a df that is not whole, as Welch’s rarely is (values from scipy.stats.t.ppf)', () => {
    near(studentTQuantile(0.975, 7.5), 2.333039627, 1e-8);
    near(studentTQuantile(0.975, 3.7), 2.867520707, 1e-8);
    near(studentTQuantile(0.975, 45.3), 2.013735305, 1e-8);
    near(studentTQuantile(0.975, 0.5), 164.55767348, 1e-6);
  });

  it('matches the closed forms for 1 and 2 degrees of freedom at other levels', () => {
    // df 1 is the Cauchy distribution: t = tan(π(p − ½)); df 2: t = (2p − 1) / √(2p(1 − p)).
    for (const p of [0.6, 0.9, 0.99, 0.999]) {
      near(studentTQuantile(p, 1), Math.tan(Math.PI * (p - 0.5)), 1e-9 * Math.tan(Math.PI * (p - 0.5)), `df 1, p ${p}`);
      near(studentTQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 1e-9, `df 2, p ${p}`);
    }
  });

  it('is symmetric about 0 and tends to the normal quantile 1.959963985 as df grows', () => {
    near(studentTQuantile(0.025, 10), -2.228138852, 1e-8);
    near(studentTQuantile(0.5, 3), 0, 1e-12);
    near(studentTQuantile(0.95, 10), 1.812461123, 1e-8);
    near(studentTQuantile(0.975, 1e7), 1.959963985, 1e-6);
  });

  it('refuses a probability outside (0, 1) or a df that is not positive', () => {
    for (const [p, df] of [
      [0, 5],
      [1, 5],
      [0.975, 0],
      [0.975, Number.NaN],
    ] as const) {
      assert.throws(() => studentTQuantile(p, df), RangeError);
    }
  });
});

describe('before/after comparison', () => {
  // Student's sleep data (Cushny & Peebles, 1905; Student, 1908): extra hours
  // of sleep under two drugs. R's documented example `t.test(extra ~ group,
  // data = sleep)`, a Welch test, prints means 0.75 and 2.33, t = -1.8608,
  // df = 17.776 and the 95% interval -3.3654832 to 0.2054832 for group 1
  // minus group 2; after − before here is group 2 minus group 1.
  const group1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
  const group2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

  it('reproduces the published Welch interval for Student’s sleep data', () => {
    const result = compareBeforeAfter(group1, group2);
    assert.equal(result.before.n, 10);
    assert.equal(result.after.n, 10);
    near(result.before.mean, 0.75, 1e-12);
    near(result.after.mean, 2.33, 1e-12);
    near(result.before.standardDeviation, 1.789010, 1e-6);
    near(result.after.standardDeviation, 2.002249, 1e-6);
    near(result.difference, 1.58, 1e-12);
    near(result.interval?.low, -0.2054832, 1e-7);
    near(result.interval?.high, 3.3654832, 1e-7);
    near(result.interval?.degreesOfFreedom, 17.776, 5e-4);
    assert.equal(result.noIntervalReason, undefined);
  });

  it('gives the same interval, negated, with the periods swapped', () => {
    const result = compareBeforeAfter(group2, group1);
    near(result.interval?.low, -3.3654832, 1e-7);
    near(result.interval?.high, 0.2054832, 1e-7);
  });

  it('works by hand when one period does not vary: the other alone sets the error and df', () => {
    // Before 2, 2, 2 (variance 0); after 4, 6 (mean 5, variance 2): the
    // squared error is 0 + 2/2 = 1 on 2 − 1 = 1 degree of freedom, so the
    // interval is 3 ± t(0.975, 1) · 1.
    const result = compareBeforeAfter([2, 2, 2], [4, 6]);
    near(result.difference, 3, 1e-12);
    near(result.interval?.degreesOfFreedom, 1, 1e-12);
    near(result.interval?.low, 3 - 12.706204736, 1e-8);
    near(result.interval?.high, 3 + 12.706204736, 1e-8);
  });

  it('gives an interval of width 0 when neither period varies', () => {
    assert.deepEqual(compareBeforeAfter([2, 2, 2], [5, 5]).interval, { low: 3, high: 3, degreesOfFreedom: undefined });
  });

  it('gives no interval, and says why, when a period has fewer than two sweeps', () => {
    const oneBefore = compareBeforeAfter([3], [1, 2, 3]);
    assert.deepEqual(oneBefore, {
      before: { n: 1, mean: 3, standardDeviation: undefined },
      after: { n: 3, mean: 2, standardDeviation: 1 },
      difference: -1,
      interval: undefined,
      noIntervalReason: 'too-few-before',
    });
    assert.equal(compareBeforeAfter([1, 2], []).noIntervalReason, 'too-few-after');
    assert.equal(compareBeforeAfter([1, 2], []).difference, undefined);
    assert.equal(compareBeforeAfter([], [4]).noIntervalReason, 'too-few-both');
  });
});

describe('means and occupancy', () => {
  it('averages, and has no mean for no values', () => {
    assert.equal(mean([1, 2, 3, 4]), 2.5);
    assert.equal(mean([]), undefined);
  });

  it('gives occupancy as a percentage of capacity, over 100 when over full, none without a capacity', () => {
    assert.equal(occupancyPercent(3, 12), 25);
    assert.equal(occupancyPercent(15, 10), 150);
    assert.equal(occupancyPercent(0, 10), 0);
    assert.equal(occupancyPercent(4, 0), undefined);
  });
});

describe('hour of the week', () => {
  const zone = 'America/New_York';
  const sunday = (hour: number) => 6 * 24 + hour;

  it('counts from Monday 00:00 to Sunday 23:59 on the local clock', () => {
    assert.equal(hourOfWeek('2026-03-02T05:00:00Z', zone), 0); // Monday 00:00 EST
    assert.equal(hourOfWeek('2026-03-03T19:30:00Z', zone), 24 + 14); // Tuesday 14:30 EST
    assert.equal(hourOfWeek('2026-03-02T04:59:59Z', zone), 167); // Sunday 1 March 23:59:59 EST
  });

  it('skips the missing hour when clocks go forward (8 March 2026)', () => {
    assert.equal(hourOfWeek('2026-03-08T06:30:00Z', zone), sunday(1)); // 01:30 EST
    assert.equal(hourOfWeek('2026-03-08T07:00:00Z', zone), sunday(3)); // 03:00 EDT: 02:00 never happens
    assert.equal(hourOfWeek('2026-03-08T18:00:00Z', zone), sunday(14)); // 14:00 EDT, an hour earlier in UTC than in winter
  });

  it('puts both passes through the repeated hour in one key when clocks go back (1 November 2026)', () => {
    assert.equal(hourOfWeek('2026-11-01T05:30:00Z', zone), sunday(1)); // 01:30 EDT
    assert.equal(hourOfWeek('2026-11-01T06:30:00Z', zone), sunday(1)); // 01:30 EST, an hour later
    assert.equal(hourOfWeek('2026-11-01T07:30:00Z', zone), sunday(2)); // 02:30 EST
    assert.equal(hourOfWeek('2026-11-01T19:00:00Z', zone), sunday(14)); // 14:00 EST
  });
});

describe('comparable sweeps', () => {
  it('keeps only the sweeps at hours of the week found in both periods', () => {
    const sweep = (hourOfWeek: number, people: number) => ({ hourOfWeek, people });
    const before = [sweep(10, 1), sweep(14, 2), sweep(14, 3), sweep(17, 4)];
    const after = [sweep(20, 9), sweep(17, 5), sweep(14, 6)];
    assert.deepEqual(comparableSweeps(before, after), {
      before: [sweep(14, 2), sweep(14, 3), sweep(17, 4)],
      after: [sweep(17, 5), sweep(14, 6)],
      hoursOfWeek: [14, 17],
    });
  });

  it('leaves nothing to compare when the periods share no hour', () => {
    assert.deepEqual(comparableSweeps([{ hourOfWeek: 1 }], [{ hourOfWeek: 2 }]), { before: [], after: [], hoursOfWeek: [] });
  });
});
