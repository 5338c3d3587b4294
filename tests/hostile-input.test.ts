import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from './support/app';
import { TestClient } from './support/client';
import { buildWorld, type World } from './support/world';
import { CONTENT_TYPES } from '../src/features/content/urls';
import { QUESTION_TYPES } from '../src/features/surveys/model';
import { TEST_DIALECT } from './support/database';

/*
 * Hostile input on every form of the product, on the database the suite runs
 * on (SQLite, and PostgreSQL with TEST_DATABASE=postgres). The forms are found
 * by reading every page each kind of person can open, so a new form is
 * covered without being listed here. Each form is sent empty, with every
 * field repeated, as JSON of the wrong types, and then, from otherwise valid
 * values, with one field at a time set to something hostile. No answer may
 * be a 5xx, and a refused form must come back with what was typed.
 */

/** One field of a form as the page renders it. */
interface Field {
  name: string;
  /** The input type, or `textarea`, `select`, `button`. */
  type: string;
  /** The values the page offers for a choice (select options, radio values). */
  options: string[];
  /** What the page fills in (or, for a checkbox, the values it ticks). */
  value: string | string[];
  /** A number field, or a text field for amounts and counts (`inputmode` numeric or decimal). */
  numeric: boolean;
}

/** A form found on a page, and whose client found it. */
interface FoundForm {
  action: string;
  multipart: boolean;
  fields: Field[];
  role: Viewer;
  page: string;
}

type Viewer = 'visitor' | 'leadA' | 'admin';

/** Posting these changes who is signed in or removes the things other forms need; they carry no text either. */
const DESTRUCTIVE = /\/(delete|remove|deactivate|sign-out|revoke|revoke-others)$/;
/** Pages that are not HTML. */
const NOT_HTML = /\.(csv|svg|xml|txt|rss|atom|webp|jpg|png)$|\/feeds\/|\/:file$/;

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#39;': "'" };
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|#x27|#39);/g, (entity) => ENTITIES[entity]!);

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [, name, value] of tag.matchAll(/([\w-]+)(?:="([^"]*)")?/g)) found[name!] = decode(value ?? '');
  return found;
}

/** The post forms of a page, with their fields and the values they show. */
function formsOf(html: string): Omit<FoundForm, 'role' | 'page'>[] {
  const forms: Omit<FoundForm, 'role' | 'page'>[] = [];
  for (const [, formTag, inner] of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const form = attributes(formTag!);
    if ((form.method ?? '').toLowerCase() !== 'post' || !form.action) continue;
    const fields = new Map<string, Field>();
    const add = (name: string | undefined, type: string, value: string, option?: string, ticked = true, numeric = false) => {
      if (!name || name === '_csrf') return;
      const field = fields.get(name) ?? { name, type, options: [], value: type === 'checkbox' ? [] : '', numeric };
      if (option !== undefined && !field.options.includes(option)) field.options.push(option);
      if (type === 'checkbox') {
        if (ticked) (field.value as string[]).push(value);
      } else if (ticked && (field.value === '' || type !== 'radio')) {
        field.value = value;
      }
      fields.set(name, field);
    };
    for (const [, tag] of inner!.matchAll(/<input\b([^>]*?)\/?>/g)) {
      const input = attributes(tag!);
      const type = input.type ?? 'text';
      if (type === 'submit' || type === 'file') continue;
      if (type === 'checkbox' || type === 'radio') add(input.name, type, input.value ?? 'on', input.value ?? 'on', 'checked' in input);
      else add(input.name, type, input.value ?? '', undefined, true, type === 'number' || /^(numeric|decimal)$/.test(input.inputmode ?? input.inputMode ?? ''));
    }
    for (const [, tag, text] of inner!.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
      add(attributes(tag!).name, 'textarea', decode(text!));
    }
    for (const [, tag, options] of inner!.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      const select = attributes(tag!);
      const values = [...options!.matchAll(/<option\b([^>]*)>/g)].map(([, option]) => attributes(option!));
      const chosen = values.find((o) => 'selected' in o) ?? values.find((o) => o.value) ?? values[0];
      for (const option of values) add(select.name, 'select', chosen?.value ?? '', option.value ?? '', false);
      add(select.name, 'select', chosen?.value ?? '');
    }
    const button = [...inner!.matchAll(/<button\b([^>]*)>/g)].map(([, tag]) => attributes(tag!)).find((b) => b.name);
    if (button) add(button.name, 'button', button.value ?? '');
    forms.push({ action: form.action, multipart: (form.enctype ?? '') === 'multipart/form-data', fields: [...fields.values()] });
  }
  return forms;
}

/** A valid-looking value for a field the page leaves empty. */
function plausible(field: Field): string | string[] {
  if (Array.isArray(field.value)) return field.value;
  if (field.value !== '' || field.type === 'hidden') return field.value;
  if (field.options.length) return field.options.find((o) => o !== '') ?? '';
  if (field.type === 'email' || /email/i.test(field.name)) return 'hostile@example.org';
  if (field.numeric) return '3';
  if (field.type === 'date') return '2026-06-01';
  if (field.type === 'datetime-local') return `${new Date().getUTCFullYear() + 1}-06-01T10:00`;
  if (field.type === 'url' || /website|url/i.test(field.name)) return 'https://example.org/';
  // Two passwords that differ: a token form refused on them keeps its token for the next post.
  if (field.type === 'password') return /confirm/i.test(field.name) ? 'another long passphrase' : 'a long enough passphrase';
  if (/state/i.test(field.name)) return 'IA';
  return 'Hostile test text';
}

/** One hostile value: what is sent, and what a re-rendered form must show. */
interface Hostile {
  label: string;
  value: string | string[] | Buffer;
  kept: string;
}

const text = (label: string, value: string): Hostile => ({ label, value, kept: value });
const FOR_EVERY_FIELD: Hostile[] = [
  { label: 'a NUL', value: 'Hostile\u0000value', kept: 'Hostilevalue' },
  text('100 KB', 'x'.repeat(100_000)),
  { label: 'invalid UTF-8', value: Buffer.from([0x48, 0x6f, 0x73, 0x74, 0xff, 0xfe]), kept: 'Host\uFFFD\uFFFD' },
  { label: 'an array', value: ['First value', 'Second value'], kept: 'First value' },
];
const FOR_NUMBERS: Hostile[] = ['not a number', '99999999999999999999999', '-1', '1e400', '1.5'].map((v) => text(v, v));
const FOR_DATES: Hostile[] = ['2026-02-30', '9999-12-31', '0000-01-01', '2026-02-30T10:00', '9999-12-31T23:59'].map((v) => text(v, v));

function hostileFor(field: Field): Hostile[] {
  const sample = typeof field.value === 'string' ? field.value : '';
  const numeric = field.numeric || /^\d+(\.\d+)?$/.test(sample);
  const dated = field.type === 'date' || field.type === 'datetime-local' || /^\d{4}-\d{2}-\d{2}/.test(sample);
  return [...FOR_EVERY_FIELD, ...(numeric ? FOR_NUMBERS : []), ...(dated ? FOR_DATES : [])];
}

/** The upload forms read at most this much of each text field (their multipart limit); the rest is never seen. */
const MULTIPART_FIELD_LIMIT = 64 * 1024;

/** Fields a person types into, whose value a refused form must show again (passwords are never shown again). */
const TYPED = new Set(['text', 'textarea', 'email', 'number', 'date', 'datetime-local', 'url', 'search', 'tel']);

type Values = Record<string, string | string[] | Buffer>;

/** A urlencoded or multipart body of values, any of which may be raw bytes. */
function encode(values: Values, multipart: boolean): { payload: Buffer; contentType: string } {
  const pairs = Object.entries(values).flatMap(([name, value]) => (Array.isArray(value) ? value.map((v) => [name, v] as const) : [[name, value] as const]));
  if (multipart) {
    const boundary = 'hostile-boundary-7e3f';
    const parts = pairs.map(([name, value]) =>
      Buffer.concat([Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n`), Buffer.from(value), Buffer.from('\r\n')]),
    );
    return { payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
  }
  const encoded = pairs.map(([name, value]) =>
    Buffer.concat([Buffer.from(`${encodeURIComponent(name)}=`), Buffer.isBuffer(value) ? value : Buffer.from(encodeURIComponent(value))]),
  );
  return { payload: Buffer.concat(encoded.flatMap((part, i) => (i ? [Buffer.from('&'), part] : [part]))), contentType: 'application/x-www-form-urlencoded' };
}

describe(`hostile input on every form (${TEST_DIALECT})`, () => {
  let testApp: TestApp;
  let app: FastifyInstance;
  let world: World;
  const clients = {} as Record<Viewer, TestClient>;
  let address = 0;
  /** A new client address for every post, so per-address limits on sign-in or contact never answer first. */
  const fresh = () => ({ 'x-forwarded-for': `10.${(++address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}` });
  const forms: FoundForm[] = [];

  before(async () => {
    testApp = await createTestApp({ trustProxy: 1 });
    app = testApp.app;
    world = await buildWorld(app);
    for (const viewer of ['visitor', 'leadA', 'admin'] as const) {
      const client = new TestClient(app);
      if (viewer !== 'visitor') {
        const { token } = await app.services.accounts.createSession(world.people[viewer].id, { userAgent: 'hostile', ipAddress: '127.0.0.1' });
        client.setCookie('ss_session', token);
      }
      clients[viewer] = client;
    }
    const pages = [...(await extraPages()), ...app.routeTable
      .filter((route) => route.method === 'GET' && !NOT_HTML.test(route.url))
      .map((route) => route.url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(world.params[name] ?? name)))];
    const seen = new Set<string>();
    for (const page of pages) {
      for (const viewer of ['visitor', 'leadA', 'admin'] as const) {
        const response = await clients[viewer].get(page);
        if (response.statusCode !== 200 || !String(response.headers['content-type']).startsWith('text/html')) continue;
        for (const form of formsOf(response.body)) {
          const key = `${form.action} ${form.fields.map((f) => f.name).sort().join(',')}`;
          const visible = form.fields.some((f) => f.type !== 'hidden');
          if (seen.has(key) || !visible || DESTRUCTIVE.test(form.action.split('?')[0]!)) continue;
          seen.add(key);
          forms.push({ ...form, role: viewer, page });
        }
      }
    }
  });
  after(() => testApp.close());

  /**
   * Pages whose forms the world's parameters do not reach: one per content and
   * question type, an open survey with every kind of question (patron and
   * paper entry), valid invitation and reset links, a draft newsletter issue
   * and an uploaded image.
   */
  async function extraPages(): Promise<string[]> {
    const { services } = app;
    const library = (await services.libraries.getLibraryBySlug(world.params.library!))!;
    const options = [
      { en: 'Robots', es: 'Robots' },
      { en: 'Quilts', es: 'Colchas' },
    ];
    const survey = await services.surveys.createSurvey(library.id, { title: { en: 'Every kind', es: 'De todo' }, intro: { en: '', es: '' }, closesOn: null }, null);
    for (const type of QUESTION_TYPES) {
      const withOptions = type === 'single' || type === 'multiple' || type === 'dots';
      await services.surveys.addQuestion(survey, type, {
        prompt: { en: `A ${type} question`, es: `Pregunta ${type}` },
        required: type === 'single',
        dots: type === 'dots' ? 3 : null,
        options: withOptions ? options : [],
      });
    }
    await services.surveys.openSurvey(survey, '2026-01-01');
    const invited = await services.accounts.createUser({ email: 'invited@example.org', name: 'Invited', role: 'staff' });
    const resetting = await services.accounts.createUser({ email: 'resetting@example.org', name: 'Resetting', role: 'staff', password: 'a long enough passphrase' });
    const issue = await services.newsletter.createIssue({ subject: 'Draft issue', intro: 'Hello.', itemIds: [] }, null);
    const { default: sharp } = await import('sharp');
    const bytes = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#669933' } }).png().toBuffer();
    const image = await services.images.createImage(bytes, { alt: 'A room', credit: '', licence: '', licenceUrl: '' }, null);
    const base = `/libraries/${library.slug}/surveys`;
    const suma = readFileSync(new URL('../src/features/space-use/fixtures/raw-unprocessed.csv', import.meta.url), 'utf8');
    const upload = await services.spaceUseImport.stage(library.id, world.params.space!, suma, null);
    return [
      ...CONTENT_TYPES.map((type) => `/content/new?type=${type}`),
      ...QUESTION_TYPES.map((type) => `${base}/${world.params.survey}/questions/new?type=${type}`),
      `/s/${survey.code}`,
      `${base}/${survey.id}/paper/new`,
      `/invitations/${await services.accounts.issueToken(invited.id, 'invite')}`,
      `/reset-password/${await services.accounts.issueToken(resetting.id, 'reset')}`,
      `/newsletter/issues/${issue}/edit`,
      `/newsletter/issues/${issue}`,
      `/images/${image.id}`,
      `/libraries/${library.slug}/space-use/spaces/${world.params.space}/import/map?upload=${upload}`,
    ];
  }

  it('finds the forms of every part of the product', () => {
    const actions = new Set(forms.map((f) => f.action.replace(/\?.*/, '')));
    for (const expected of ['/contact', '/sign-in', '/program/edit', '/libraries/new', '/content/new', '/newsletter/subscribe', '/images/new']) {
      assert.ok(actions.has(expected), `found ${expected}`);
    }
    const library = world.params.library!;
    for (const part of ['plan/goals/new', 'share/story/edit', 'discover/activities/new', 'surveys/new', 'ideate/ideas/new', 'photos/new', 'comments', 'space-use/spaces/new', `space-use/spaces/${world.params.space}/sweeps/new`, `space-use/spaces/${world.params.space}/import/map`]) {
      assert.ok(actions.has(`/libraries/${library}/${part}`), `found ${part}`);
    }
    assert.ok(actions.has(`/s/${world.params.code}`), 'found the patron survey');
    for (const expected of ['/invitations/', '/reset-password/', '/newsletter/issues/', '/images/']) {
      assert.ok([...actions].some((action) => action.startsWith(expected) && !action.endsWith('/new')), `found a form under ${expected}`);
    }
    assert.ok(forms.length >= 60, `found ${forms.length} forms`);
  });

  it('never answers a 5xx, and a refused form keeps what was typed', async () => {
    const serverErrors: string[] = [];
    const lost: string[] = [];
    for (const form of forms) {
      const client = clients[form.role];
      // The form's own page sets the CSRF cookie and token this client posts with.
      await client.get(form.page);
      const token = await client.csrf();
      const baseline: Values = Object.fromEntries(form.fields.map((f) => [f.name, plausible(f)]));
      const send = async (values: Values): Promise<LightMyRequestResponse> => {
        const { payload, contentType } = encode({ _csrf: token, ...values }, form.multipart);
        return client.postRaw(form.action, payload, contentType, fresh());
      };
      const check = (label: string, response: LightMyRequestResponse) => {
        if (response.statusCode >= 500) serverErrors.push(`${form.action} with ${label}: ${response.statusCode}`);
      };

      check('every field empty', await send(Object.fromEntries(form.fields.map((f) => [f.name, '']))));
      check('every field repeated', await send(Object.fromEntries(form.fields.map((f) => [f.name, ['First value', 'Second value']]))));
      if (!form.multipart) {
        const wrongTypes = Object.fromEntries(form.fields.map((f, i) => [f.name, [12345, true, { nested: 'x' }, ['a', 1], null][i % 5]]));
        check('values of the wrong types as JSON', await client.postRaw(form.action, JSON.stringify({ _csrf: token, ...wrongTypes }), 'application/json', fresh()));
      }
      for (const field of form.fields) {
        for (const hostile of hostileFor(field)) {
          const response = await send({ ...baseline, [field.name]: hostile.value });
          const label = `${field.name} = ${hostile.label}`;
          check(label, response);
          const refusedForm = response.statusCode === 400 && /<form\b/.test(response.body);
          const kept = form.multipart ? hostile.kept.slice(0, MULTIPART_FIELD_LIMIT) : hostile.kept;
          if (response.statusCode === 400 && TYPED.has(field.type) && !(refusedForm && response.body.includes(kept))) {
            lost.push(`${form.action} with ${label}: the input is not on the page answered (${response.statusCode})`);
          }
        }
      }
    }
    assert.deepEqual(serverErrors, []);
    assert.deepEqual(lost, []);
  });
});
