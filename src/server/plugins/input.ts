import fp from 'fastify-plugin';

/**
 * Control characters other than tab, line feed and carriage return (C0, DEL
 * and C1). They cannot be typed into a form or seen on a page; they arrive
 * only from pasted binary data or a hand-made request. PostgreSQL refuses a
 * NUL in text outright, which turned such input into a 500 with everything
 * typed lost, while SQLite stored it.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g; // eslint-disable-line no-control-regex

/** Text without the control characters that have no place in it. */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}

/**
 * True for the records request parsers make. Some give them a prototype of
 * their own (without Object's), so anything but binary data counts.
 */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !ArrayBuffer.isView(value);
}

/** Removes control characters from every string in parsed input, in place, and returns it. */
export function cleanInput(value: unknown): unknown {
  if (typeof value === 'string') return withoutControlCharacters(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = cleanInput(value[i]);
  } else if (isRecord(value)) {
    for (const key of Object.keys(value)) value[key] = cleanInput(value[key]);
  }
  return value;
}

/**
 * Every request's input, cleaned in one place before any route sees it.
 *
 * The characters are removed silently rather than refused: removing them
 * changes nothing a person could have meant or seen, so a message about them
 * would only puzzle the reader, while refusing would make every form (and
 * every id or slug in an address) need its own way to say so.
 *
 * The address's parameters and query are cleaned when the request arrives,
 * before the access check looks up the library they name. The body is cleaned
 * just before the handler, after every body reader has run, including the
 * multipart reader of the upload forms (a route-level hook).
 *
 * Invalid UTF-8 needs nothing here: form bodies decode broken bytes to U+FFFD
 * and keep undecodable escapes such as `%FF` as they were, query strings do
 * the same, and a path with a broken escape is a 404 (see `frameworkErrorPage`).
 */
export const inputPlugin = fp(async (app) => {
  app.addHook('onRequest', (request, _reply, done) => {
    cleanInput(request.params);
    cleanInput(request.query);
    done();
  });
  app.addHook('preHandler', (request, _reply, done) => {
    request.body = cleanInput(request.body);
    done();
  });
});
