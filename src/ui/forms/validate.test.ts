import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Type from 'typebox';
import { validateForm } from './validate';
import { translator } from '../../i18n';

const Schema = Type.Object({
  email: Type.String({ format: 'email', maxLength: 254, title: 'accounts.field.email', errorMessage: 'accounts.error.email' }),
  name: Type.String({ minLength: 1, maxLength: 10, title: 'accounts.field.password' }),
  tags: Type.Array(Type.String({ maxLength: 5 }), { maxItems: 3 }),
  note: Type.Optional(Type.String({ maxLength: 20 })),
});
const t = translator('en');

describe('validateForm', () => {
  it('accepts good input, trimming text and dropping empty optional fields', () => {
    const result = validateForm(Schema, { email: ' a@example.org ', name: 'Ann', tags: ['x', ''], note: '  ' }, t);
    assert.equal(result.ok, true);
    if (result.ok) assert.deepEqual(result.value, { email: 'a@example.org', name: 'Ann', tags: ['x'] });
  });

  it('names each problem once, next to its field, and keeps the raw input', () => {
    const result = validateForm(Schema, { email: 'not-an-email', name: 'x'.repeat(100_000), tags: 'solo' }, t);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.errors.email, t('accounts.error.email'));
    assert.match(result.errors.name ?? '', /10 characters or fewer/);
    assert.equal(result.values.email, 'not-an-email');
    assert.deepEqual(result.values.tags, ['solo']);
  });

  it('reports missing fields and ignores wrong types instead of throwing', () => {
    const result = validateForm(Schema, { email: ['a@example.org', 'b@example.org'], name: { nested: true } }, t);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.ok(result.errors.name);
    assert.equal(result.errors.email, undefined);
  });

  it('copes with a body that is not an object', () => {
    const result = validateForm(Schema, 'garbage', t);
    assert.equal(result.ok, false);
  });
});
