import type { FastifyInstance } from 'fastify';
import { emptyForm, validateForm } from '../../ui/forms';
import { pageNumber } from '../../ui/pagination';
import { HttpError } from '../../server/http-error';
import { addRoute, href } from '../../server/route-contract';
import { contactRoutes as paths } from './route-table';
import { ContactForm } from './schema';
import { ContactPage, ThanksPage } from './views/contact-page';
import { MessagesPage } from './views/messages-page';
import { MessagePage } from './views/message-page';

/** The public contact form, and the messages it collects for admins. */
export async function contactRoutes(app: FastifyInstance) {
  const { contact } = app.services;

  addRoute(app, paths.form, async (_request, reply) => {
    return reply.view(<ContactPage form={emptyForm()} />);
  });

  addRoute(app, paths.send, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    // A robot that filled the hidden field is thanked like anyone, so it
    // learns nothing, but its message is neither kept nor sent.
    if (typeof body.website === 'string' && body.website.trim() !== '') {
      request.log.info('contact form honeypot filled; message dropped');
      return reply.redirect(href(paths.thanks), 303);
    }
    const form = validateForm(ContactForm, body, request.t);
    if (!form.ok) return reply.view(<ContactPage form={form} />, 400);
    const { name, email, message } = form.value;
    await contact.send({ name, email, message });
    return reply.redirect(href(paths.thanks), 303);
  });

  addRoute(app, paths.thanks, async (_request, reply) => {
    return reply.view(<ThanksPage />);
  });

  addRoute(app, paths.messages, async (request, reply) => {
    const result = await contact.listMessages(pageNumber(request.query.page));
    return reply.view(<MessagesPage result={result} />);
  });

  addRoute(app, paths.message, async (request, reply) => {
    const message = await contact.readMessage(request.params.message);
    if (!message) throw new HttpError(404);
    return reply.view(<MessagePage message={message} />);
  });
}
