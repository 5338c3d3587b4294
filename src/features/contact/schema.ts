import Type from 'typebox';

/** The longest message accepted: a long letter, far below the body limit. */
export const MAX_MESSAGE_LENGTH = 5000;

export const ContactForm = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 120, title: 'contact.field.name', errorMessage: 'contact.error.name' }),
  email: Type.String({ format: 'email', maxLength: 254, title: 'contact.field.email', errorMessage: 'contact.error.email' }),
  message: Type.String({ minLength: 1, maxLength: MAX_MESSAGE_LENGTH, title: 'contact.field.message', errorMessage: 'contact.error.message' }),
  /** The honeypot: hidden from people, filled in by form-filling robots. */
  website: Type.Optional(Type.String({ maxLength: 1000, title: 'contact.field.website' })),
});
