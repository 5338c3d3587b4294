/** The newsletter feature's rules. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function createNewsletterService(deps: Record<string, unknown>) {
  return {};
}

export type NewsletterService = ReturnType<typeof createNewsletterService>;
