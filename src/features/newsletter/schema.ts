import Type, { type Static } from 'typebox';

export const SubscribeForm = Type.Object({
  email: Type.String({
    format: 'email',
    maxLength: 254,
    title: 'newsletter.field.email',
    errorMessage: 'newsletter.error.email',
  }),
  // The honeypot: people never see it, so anything in it came from a bot.
  website: Type.Optional(Type.String({ title: 'newsletter.field.website' })),
});

export const IssueForm = Type.Object({
  subject: Type.String({
    minLength: 1,
    maxLength: 200,
    title: 'newsletter.field.subject',
    errorMessage: 'newsletter.error.subject',
  }),
  intro: Type.Optional(Type.String({ maxLength: 20_000, title: 'newsletter.field.intro' })),
  items: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 30, title: 'newsletter.field.items' }),
});

export type IssueFormValue = Static<typeof IssueForm>;

export const SUBSCRIBER_STATUSES = ['pending', 'confirmed', 'unsubscribed'] as const;
