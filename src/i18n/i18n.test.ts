import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { intlTag, localeFromAcceptLanguage, pluralKey, translator } from './index';
import { formatMoney, isTimeZone } from './format';

describe('i18n', () => {
  it('picks the preferred supported language from Accept-Language', () => {
    assert.equal(localeFromAcceptLanguage('es-MX,es;q=0.9,en;q=0.8'), 'es');
    assert.equal(localeFromAcceptLanguage('fr-FR, en;q=0.5'), 'en');
    assert.equal(localeFromAcceptLanguage('en;q=0.2, es;q=0.9'), 'es');
    assert.equal(localeFromAcceptLanguage('de'), undefined);
    assert.equal(localeFromAcceptLanguage(undefined), undefined);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const t = translator('es');
    assert.equal(t('pagination.status', { page: 2, pages: 5 }), 'Página 2 de 5');
    assert.equal(translator('en')('pagination.status', { page: 1 }), 'Page 1 of {pages}');
  });

  it('has a Spanish text for every English message', () => {
    const en = translator('en');
    const es = translator('es');
    assert.notEqual(en('layout.skip'), es('layout.skip'));
  });

  it('formats money and checks time zones', () => {
    assert.equal(formatMoney(500000, 'en'), '$5,000');
    assert.equal(isTimeZone('America/Boise'), true);
    assert.equal(isTimeZone('Mars/Olympus'), false);
    assert.equal(isTimeZone(''), false);
  });
});

describe('plurals', () => {
  it('chooses the singular only for one, in both languages', () => {
    assert.equal(pluralKey('en', 'search.results', 1), 'search.results.one');
    assert.equal(pluralKey('en', 'search.results', 0), 'search.results.other');
    assert.equal(pluralKey('es', 'search.results', 1), 'search.results.one');
    assert.equal(pluralKey('es', 'search.results', 2), 'search.results.other');
    assert.equal(pluralKey('es', 'search.results', 1_000_000), 'search.results.other');
  });

  it('formats numbers for each locale through its Intl tag', () => {
    assert.equal(intlTag('en'), 'en-US');
    assert.equal(intlTag('es'), 'es-US');
  });
});
