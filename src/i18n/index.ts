import { commonMessages } from './common';
import { accountsMessages } from '../features/accounts/messages';
import { twoFactorMessages } from '../features/accounts/two-factor-messages';
import { peopleMessages } from '../features/people/messages';
import { programsMessages } from '../features/programs/messages';
import { librariesMessages } from '../features/libraries/messages';
import { mailMessages } from '../features/mail/messages';
import { jobsMessages } from '../features/jobs/messages';
import { homeMessages } from '../features/home/messages';
import { contentMessages } from '../features/content/messages';
import { searchMessages } from '../features/search/messages';
import { feedsMessages } from '../features/feeds/messages';
import { newsletterMessages } from '../features/newsletter/messages';
import { contactMessages } from '../features/contact/messages';
import { imagesMessages } from '../features/images/messages';
import { directoryMessages } from '../features/directory/messages';
import { workspaceMessages } from '../features/workspace/messages';
import { discoverMessages } from '../features/discover/messages';
import { surveysMessages } from '../features/surveys/messages';
import { surveyResultsMessages } from '../features/surveys/results-messages';
import { prototypesMessages } from '../features/prototypes/messages';
import { planMessages } from '../features/plan/messages';
import { photosMessages } from '../features/photos/messages';
import { shareMessages } from '../features/share/messages';
import { spaceUseMessages } from '../features/space-use/messages';
import { spaceReportMessages } from '../features/space-use/report-messages';
import { spaceUseImportMessages } from '../features/space-use/import-messages';
import { eventsMessages } from '../features/events/messages';
import { learningMessages } from '../features/learning/messages';
import { intlTag, LOCALES, type Locale } from './define';

export { intlTag, LOCALES, type Locale };

const en = {
  ...commonMessages.en,
  ...accountsMessages.en,
  ...twoFactorMessages.en,
  ...peopleMessages.en,
  ...programsMessages.en,
  ...librariesMessages.en,
  ...mailMessages.en,
  ...jobsMessages.en,
  ...homeMessages.en,
  ...contentMessages.en,
  ...searchMessages.en,
  ...feedsMessages.en,
  ...newsletterMessages.en,
  ...contactMessages.en,
  ...imagesMessages.en,
  ...directoryMessages.en,
  ...workspaceMessages.en,
  ...discoverMessages.en,
  ...surveysMessages.en,
  ...surveyResultsMessages.en,
  ...prototypesMessages.en,
  ...planMessages.en,
  ...photosMessages.en,
  ...shareMessages.en,
  ...spaceUseMessages.en,
  ...spaceReportMessages.en,
  ...spaceUseImportMessages.en,
  ...eventsMessages.en,
  ...learningMessages.en,
};

export type MessageKey = keyof typeof en;

const dictionaries: Record<Locale, Record<MessageKey, string>> = {
  en,
  es: {
    ...commonMessages.es,
    ...accountsMessages.es,
    ...twoFactorMessages.es,
    ...peopleMessages.es,
    ...programsMessages.es,
    ...librariesMessages.es,
    ...mailMessages.es,
    ...jobsMessages.es,
    ...homeMessages.es,
    ...contentMessages.es,
    ...searchMessages.es,
    ...feedsMessages.es,
    ...newsletterMessages.es,
    ...contactMessages.es,
    ...imagesMessages.es,
    ...directoryMessages.es,
    ...workspaceMessages.es,
    ...discoverMessages.es,
    ...surveysMessages.es,
    ...surveyResultsMessages.es,
    ...prototypesMessages.es,
    ...planMessages.es,
    ...photosMessages.es,
    ...shareMessages.es,
    ...spaceUseMessages.es,
    ...spaceReportMessages.es,
    ...spaceUseImportMessages.es,
    ...eventsMessages.es,
    ...learningMessages.es,
  },
};

export type MessageParams = Record<string, string | number>;

/** Looks up a message and fills `{name}` placeholders. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Returns the translate function for a locale. */
export function translator(locale: Locale): Translate {
  const dictionary = dictionaries[locale];
  return (key, params) => {
    const text = dictionary[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

/** Messages that come in a singular and a plural form, as `<base>.one` and `<base>.other`. */
export type PluralBase = {
  [K in MessageKey]: K extends `${infer Base}.other` ? (`${Base}.one` extends MessageKey ? Base : never) : never;
}[MessageKey];

const pluralRules = Object.fromEntries(LOCALES.map((locale) => [locale, new Intl.PluralRules(intlTag(locale))])) as Record<
  Locale,
  Intl.PluralRules
>;

/**
 * The form of a message for a count, by the locale's plural rules. English and
 * Spanish need only two forms; CLDR's rarer Spanish "many" (for millions) reads
 * correctly with the plural.
 */
export function pluralKey(locale: Locale, base: PluralBase, count: number): MessageKey {
  return `${base}.${pluralRules[locale].select(count) === 'one' ? 'one' : 'other'}` as MessageKey;
}

/** Narrows any string to a supported locale, or undefined. */
export function asLocale(value: unknown): Locale | undefined {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value) ? (value as Locale) : undefined;
}

/** Picks the best supported locale from an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag, q } of ranked) {
    if (q <= 0) continue;
    const locale = asLocale(tag.split('-')[0]);
    if (locale) return locale;
  }
  return undefined;
}
