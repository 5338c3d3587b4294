export type Locale = 'en' | 'es';
export const LOCALES: readonly Locale[] = ['en', 'es'];

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
