import type { Services } from '../server/services';

/** Demo readers of the newsletter; example.org addresses never reach anyone. */
const DEMO_SUBSCRIBERS: Array<{ email: string; locale: 'en' | 'es' }> = [
  { email: 'reader.alvarez@example.org', locale: 'es' },
  { email: 'reader.bennett@example.org', locale: 'en' },
  { email: 'reader.chowdhury@example.org', locale: 'en' },
  { email: 'reader.dubois@example.org', locale: 'en' },
  { email: 'reader.estrada@example.org', locale: 'es' },
  { email: 'reader.fischer@example.org', locale: 'en' },
];

const INTRO = [
  'Welcome to the first Smart Spaces newsletter.',
  '',
  'Fifteen small and rural libraries have started to turn a room into a smart space. This season they asked ' +
    'their communities what they want: surveys at the circulation desk, Wish Trees in town, and conversations ' +
    'with partners. Below are a few things they have shared so far.',
  '',
  'Reply to the program team through the contact page if your library would like to share its own story.',
].join('\n');

/**
 * Adds a few confirmed demo subscribers and one issue recorded as already
 * sent to them (no mail is sent), built from the most recently added content
 * if there is any. Run it after the demo content is in place.
 */
export async function seedDemoNewsletter(services: Pick<Services, 'newsletter' | 'content'>): Promise<void> {
  for (const { email, locale } of DEMO_SUBSCRIBERS) await services.newsletter.addConfirmedSubscriber(email, locale);
  const recent = await services.content.recent(4);
  await services.newsletter.recordSentIssue({
    subject: 'Smart Spaces news: listening to our communities',
    intro: INTRO,
    itemIds: recent.map((item) => item.id),
  });
}
