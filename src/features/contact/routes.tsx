import type { FastifyInstance } from 'fastify';
import { emptyForm, validateForm } from '../../ui/forms';
import { pageNumber } from '../../ui/pagination';
import { HttpError } from '../../server/http-error';
import { ContactForm } from './schema';
import { ContactPage, ThanksPage } from './views/contact-page';
import { MessagesPage } from './views/messages-page';
import { MessagePage } from './views/message-page';

const read = { config: { can: 'messages.read' } } as const;

/** The public contact form, and the messages it collects for admins. */
export async function contactRoutes(app: FastifyInstance) {
  const { contact } = app.services;

  app.get('/contact', { config: { can: 'site.view' } }, async (_request, reply) => {
    return reply.view(<ContactPage form={emptyForm()} />);
  });

  // Each message sends an email: an address may send only a few per quarter hour.
  app.post(
    '/contact',
    { config: { can: 'site.view', rateLimit: { max: 5, timeWindow: '15 minutes' } } },
    async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      // A robot that filled the hidden field is thanked like anyone, so it
      // learns nothing, but its message is neither kept nor sent.
      if (typeof body.website === 'string' && body.website.trim() !== '') {
        request.log.info('contact form honeypot filled; message dropped');
        return reply.redirect('/contact/thanks', 303);
      }
      const form = validateForm(ContactForm, body, request.t);
      if (!form.ok) return reply.view(<ContactPage form={form} />, 400);
      const { name, email, message } = form.value;
      await contact.send({ name, email, message });
      return reply.redirect('/contact/thanks', 303);
    },
  );

  app.get('/contact/thanks', { config: { can: 'site.view', publicCache: true } }, async (_request, reply) => {
    return reply.view(<ThanksPage />);
  });

  app.get('/messages', read, async (request, reply) => {
    const result = await contact.listMessages(pageNumber((request.query as Record<string, unknown>).page));
    return reply.view(<MessagesPage result={result} />);
  });

  app.get('/messages/:message', read, async (request, reply) => {
    const message = await contact.readMessage((request.params as { message: string }).message);
    if (!message) throw new HttpError(404);
    return reply.view(<MessagePage message={message} />);
  });
}
