// Patrons answering a survey at once, as at a library event where everyone
// scans the poster's QR code together: each patron loads the form, fills it
// in and submits it. Used by `npm run bench` on SQLite and on PostgreSQL.

/** What a burst of patrons saw and what the server stored. */
export interface BurstResult {
  patrons: number;
  /** Submissions answered with a redirect to the thank-you page, whose page then loaded. */
  thanked: number;
  /** Answers other than the form, the redirect and the thank-you page, and network errors. */
  errors: string[];
  /** Milliseconds from the first request to the last answer. */
  ms: number;
}

const FETCH_LIMIT_MS = 30_000;

/** The `name` and `value` attributes of an HTML tag, with entities decoded. */
function attribute(tag: string, name: string): string | undefined {
  const found = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  return found?.replaceAll('&quot;', '"').replaceAll('&#x27;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

/**
 * Fills in a survey form the way a patron would, from its HTML alone: the
 * first choice of each single-choice and scale question, the first box of
 * each multiple-choice question, one dot on the first option of each dot vote,
 * and a few words in each text field. Hidden fields (the one-time token) are
 * sent back as they came.
 */
export function fillSurveyForm(html: string, patron: number): URLSearchParams {
  const form = new URLSearchParams();
  const chosen = new Set<string>();
  for (const match of html.matchAll(/<input\b[^>]*>/g)) {
    const tag = match[0];
    const name = attribute(tag, 'name');
    const type = attribute(tag, 'type') ?? 'text';
    const value = attribute(tag, 'value') ?? '';
    if (!name || attribute(tag, 'tabindex') === '-1') continue;
    if (type === 'hidden') form.append(name, value);
    else if (type === 'radio' || type === 'checkbox') {
      if (!chosen.has(name)) form.append(name, value);
      chosen.add(name);
    } else if (type === 'number') {
      // Dot votes: one number field per option, named `q_<question>_<option>`; the first gets the dot.
      const question = name.split('_').slice(0, 2).join('_');
      form.append(name, chosen.has(question) ? '0' : '1');
      chosen.add(question);
    } else if (type === 'text') form.append(name, `Answer from patron ${patron}`);
  }
  for (const match of html.matchAll(/<textarea\b[^>]*>/g)) {
    const name = attribute(match[0], 'name');
    if (name) form.append(name, `A longer answer from patron ${patron}, with an accent: café.`);
  }
  return form;
}

async function patron(base: string, path: string, index: number, errors: string[]): Promise<boolean> {
  const lang = index % 3 === 0 ? 'es' : 'en';
  try {
    const page = await fetch(`${base}${path}?lang=${lang}`, { signal: AbortSignal.timeout(FETCH_LIMIT_MS) });
    const html = await page.text();
    if (page.status !== 200) throw new Error(`form answered ${page.status}`);
    const sent = await fetch(`${base}${path}`, {
      method: 'POST',
      body: fillSurveyForm(html, index),
      redirect: 'manual',
      headers: { cookie: `lang=${lang}` },
      signal: AbortSignal.timeout(FETCH_LIMIT_MS),
    });
    await sent.arrayBuffer();
    const location = sent.headers.get('location') ?? '';
    if (sent.status !== 303 || new URL(location, base).pathname !== `${path}/thanks`) throw new Error(`submission answered ${sent.status} ${location}`);
    const thanks = await fetch(new URL(location, base), { headers: { cookie: `lang=${lang}` }, signal: AbortSignal.timeout(FETCH_LIMIT_MS) });
    await thanks.arrayBuffer();
    if (thanks.status !== 200) throw new Error(`thank-you page answered ${thanks.status}`);
    return true;
  } catch (error) {
    errors.push(`patron ${index}: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

/** Sends `patrons` patrons through the survey at `path` (e.g. `/s/ABC234`) all at once. */
export async function patronBurst(base: string, path: string, patrons: number): Promise<BurstResult> {
  const errors: string[] = [];
  const started = performance.now();
  const outcomes = await Promise.all(Array.from({ length: patrons }, (_, i) => patron(base, path, i, errors)));
  return { patrons, thanked: outcomes.filter(Boolean).length, errors, ms: performance.now() - started };
}
