export type Locale = 'en' | 'es';
export const LOCALES: readonly Locale[] = ['en', 'es'];

/**
 * The language tag Intl formats dates, numbers and plurals with for each
 * locale. US variants, because the program's libraries are in the United
 * States: "es-US" writes dates and numbers as Spanish speakers there read them.
 */
const INTL_TAGS: Record<Locale, string> = { en: 'en-US', es: 'es-US' };

/** The Intl language tag of a locale. */
export const intlTag = (locale: Locale): string => INTL_TAGS[locale];

/**
 * Declares a feature's messages. Spanish is typed against English, so a
 * missing or misspelt key is a type error rather than a blank on the page.
 */
export function defineMessages<const E extends Record<string, string>>(
  en: E,
  es: { [K in keyof E]: string },
): { en: E; es: { [K in keyof E]: string } } {
  return { en, es };
}
