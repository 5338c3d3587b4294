import { Temporal } from 'temporal-polyfill';

/**
 * The arithmetic behind space-use reports: means, occupancy, the hour of the
 * week a sweep fell in, and the before/after comparison with its 95%
 * confidence interval. Pure functions over plain numbers; the caller reads
 * the sweeps and words the result.
 */

/** The arithmetic mean, or undefined for no values. */
export function mean(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The sample variance (divided by n − 1), or undefined for fewer than two values. */
function sampleVariance(values: readonly number[]): number | undefined {
  const average = mean(values);
  if (average === undefined || values.length < 2) return undefined;
  return values.reduce((sum, value) => sum + (value - average) ** 2, 0) / (values.length - 1);
}

/**
 * People as a percentage of a zone's capacity (over 100 when it is over
 * full), or undefined when the capacity is not a positive number.
 */
export function occupancyPercent(people: number, capacity: number): number | undefined {
  return capacity > 0 ? (people / capacity) * 100 : undefined;
}

/**
 * The hour of the week of a UTC instant (ISO text) on the wall clock of a
 * time zone: 0 for Monday 00:00–00:59 up to 167 for Sunday 23:00–23:59.
 * Sweeps are compared by the library's own clock, so across a daylight-saving
 * change 14:00 stays 14:00; the hour skipped in spring holds no instant, and
 * both passes through the repeated autumn hour share one key.
 */
export function hourOfWeek(instant: string, timeZone: string): number {
  const local = Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone);
  return (local.dayOfWeek - 1) * 24 + local.hour;
}

/** Whatever a caller compares, as long as it knows its hour of the week. */
export interface AtHourOfWeek {
  hourOfWeek: number;
}

/**
 * Keeps like with like: the sweeps of each period whose hour of the week
 * also occurs in the other period, and those hours in order. A period's
 * extra hours (a late opening tried only afterwards) would otherwise move
 * the mean for reasons other than the transformation.
 */
export function comparableSweeps<T extends AtHourOfWeek>(
  before: readonly T[],
  after: readonly T[],
): { before: T[]; after: T[]; hoursOfWeek: number[] } {
  const hoursAfter = new Set(after.map((sweep) => sweep.hourOfWeek));
  const shared = new Set(before.map((sweep) => sweep.hourOfWeek).filter((hour) => hoursAfter.has(hour)));
  return {
    before: before.filter((sweep) => shared.has(sweep.hourOfWeek)),
    after: after.filter((sweep) => shared.has(sweep.hourOfWeek)),
    hoursOfWeek: [...shared].sort((a, b) => a - b),
  };
}

/** A period's sweeps in brief. */
export interface SampleSummary {
  n: number;
  /** Undefined when the period has no sweep. */
  mean: number | undefined;
  /** The sample standard deviation; undefined for fewer than two sweeps. */
  standardDeviation: number | undefined;
}

/** A 95% confidence interval for the difference after − before. */
export interface ConfidenceInterval {
  low: number;
  high: number;
  /**
   * The Welch–Satterthwaite degrees of freedom; undefined when neither
   * period varies at all, where the interval has width 0.
   */
  degreesOfFreedom: number | undefined;
}

/** Why a comparison has no interval: a period needs two sweeps to show how much sweeps vary. */
export type NoIntervalReason = 'too-few-before' | 'too-few-after' | 'too-few-both';

/** The before/after comparison of people per sweep. */
export interface BeforeAfter {
  before: SampleSummary;
  after: SampleSummary;
  /** Mean after − mean before; undefined when a period has no sweep. */
  difference: number | undefined;
  interval: ConfidenceInterval | undefined;
  /** Set exactly when there is no interval. */
  noIntervalReason: NoIntervalReason | undefined;
}

/**
 * Compares people per sweep in two periods: each period's mean, the
 * difference (after − before) and a 95% confidence interval for it by
 * Welch's t-interval, which does not assume the two periods vary alike.
 * Restricting both samples to the same hours of the week is the caller's
 * choice (see comparableSweeps).
 */
export function compareBeforeAfter(before: readonly number[], after: readonly number[]): BeforeAfter {
  const a = summarise(before);
  const b = summarise(after);
  const difference = a.mean !== undefined && b.mean !== undefined ? b.mean - a.mean : undefined;
  const reason = noIntervalReason(a.n, b.n);
  const interval = reason === undefined && difference !== undefined ? welchInterval(before, after, difference) : undefined;
  return { before: a, after: b, difference, interval, noIntervalReason: reason };
}

function summarise(values: readonly number[]): SampleSummary {
  const variance = sampleVariance(values);
  return { n: values.length, mean: mean(values), standardDeviation: variance === undefined ? undefined : Math.sqrt(variance) };
}

function noIntervalReason(nBefore: number, nAfter: number): NoIntervalReason | undefined {
  if (nBefore < 2 && nAfter < 2) return 'too-few-both';
  if (nBefore < 2) return 'too-few-before';
  if (nAfter < 2) return 'too-few-after';
  return undefined;
}

/** Welch's 95% interval around a difference of means; both samples hold at least two values. */
function welchInterval(before: readonly number[], after: readonly number[], difference: number): ConfidenceInterval {
  const shareBefore = (sampleVariance(before) ?? 0) / before.length;
  const shareAfter = (sampleVariance(after) ?? 0) / after.length;
  const squaredError = shareBefore + shareAfter;
  if (squaredError === 0) return { low: difference, high: difference, degreesOfFreedom: undefined };
  const degreesOfFreedom =
    squaredError ** 2 / (shareBefore ** 2 / (before.length - 1) + shareAfter ** 2 / (after.length - 1));
  const margin = studentTQuantile(0.975, degreesOfFreedom) * Math.sqrt(squaredError);
  return { low: difference - margin, high: difference + margin, degreesOfFreedom };
}

/**
 * The p-quantile of Student's t distribution with df degrees of freedom
 * (df > 0, not necessarily whole, as Welch's df rarely is): the t with
 * P(T ≤ t) = p. Found by bisection on the distribution function, which is
 * monotone, so it cannot fail to converge the way Newton's method can in
 * the heavy tails of small df.
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) throw new RangeError(`studentTQuantile needs 0 < p < 1 and df > 0 (p ${p}, df ${df})`);
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let low = 0;
  let high = 1;
  while (studentTDistribution(high, df) < p) high *= 2;
  // 200 halvings take any bracket below the spacing of doubles.
  for (let i = 0; i < 200 && high - low > Number.EPSILON * high; i++) {
    const middle = (low + high) / 2;
    if (studentTDistribution(middle, df) < p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/** P(T ≤ t) for t ≥ 0: one minus half the two-sided tail, I_{df/(df+t²)}(df/2, 1/2). */
function studentTDistribution(t: number, df: number): number {
  return 1 - regularisedIncompleteBeta(df / (df + t * t), df / 2, 0.5) / 2;
}

/**
 * The regularised incomplete beta function I_x(a, b), from its continued
 * fraction (Abramowitz & Stegun 26.5.8), evaluated on the side of the
 * symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where it converges quickly.
 */
function regularisedIncompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** The continued fraction of the incomplete beta function, by the modified Lentz method. */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const guard = (value: number) => (Math.abs(value) < tiny ? tiny : value);
  let c = 1;
  let d = 1 / guard(1 - ((a + b) * x) / (a + 1));
  let result = d;
  for (let m = 1; m <= 1000; m++) {
    // Each m adds two terms: the even one d_{2m}, then the odd one d_{2m+1}.
    for (const term of [
      (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m)),
      -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1)),
    ]) {
      d = 1 / guard(1 + term * d);
      c = guard(1 + term / c);
      result *= c * d;
    }
    if (Math.abs(c * d - 1) < 1e-15) break;
  }
  return result;
}

/** Lanczos's coefficients for g = 7, n = 9, good to about 15 significant digits. */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 by the Lanczos approximation, reflected below 1/2. */
function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  const t = z + 7.5;
  const series = LANCZOS.slice(1).reduce((sum, coefficient, i) => sum + coefficient / (z + i + 1), LANCZOS[0] ?? 1);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(series);
}
