import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { emptyForm, validateForm, type FormState } from '../../ui/forms';
import { pageNumber } from '../../ui/pagination';
import { sendCsv } from '../../server/csv-response';
import { HttpError } from '../../server/http-error';
import { addRoute, href } from '../../server/route-contract';
import { newsletterRoutes as paths } from './route-table';
import type { SubscriberStatus } from '../../db/tables/newsletter';
import type { Actor } from '../../policy';
import { composeIssueEmail } from './email';
import { IssueForm, SubscribeForm, SUBSCRIBER_STATUSES } from './schema';
import { NotADraftError } from './service';
import { NewsletterPage } from './views/newsletter-page';
import {
  ArchivePage,
  CheckEmailPage,
  ConfirmedPage,
  ConfirmPage,
  ConfirmProblemPage,
  UnsubscribedPage,
  UnsubscribePage,
} from './views/public-pages';
import { IssueFormPage, IssuePage, IssuesPage, SendPage, SubscribersPage, subscriberStatus } from './views/admin-pages';

function statusFilter(raw: unknown): SubscriberStatus | undefined {
  return (SUBSCRIBER_STATUSES as readonly unknown[]).includes(raw) ? (raw as SubscriberStatus) : undefined;
}

/** The signed-in admin; admin routes require `newsletter.manage`, so there always is one. */
function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new HttpError(403);
  return request.actor;
}

/** Newsletter issues and subscribers, public and admin. */
export async function newsletterRoutes(app: FastifyInstance) {
  const { newsletter } = app.services;

  // RFC 8058 lets a mail client send its one-click unsubscribe as
  // multipart/form-data. Only the request matters, not its body, so such a
  // body is read and set aside rather than refused as an unknown type.
  app.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_request, _body, done) => {
    done(null, {});
  });

  const newsletterPage = async (reply: FastifyReply, form: FormState, page: unknown, status = 200) => {
    const issues = await newsletter.listSentIssues(pageNumber(page));
    return reply.view(<NewsletterPage form={form} issues={issues} />, status);
  };

  const issueOr404 = async (request: FastifyRequest<{ Params: { issue: string } }>) => {
    const issue = await newsletter.getIssue(request.params.issue);
    if (!issue) throw new HttpError(404);
    return issue;
  };

  const draftOr409 = async (request: FastifyRequest<{ Params: { issue: string } }>) => {
    const issue = await issueOr404(request);
    if (issue.status !== 'draft') throw new HttpError(409);
    return issue;
  };

  /* ---------- visitors ---------- */

  addRoute(app, paths.newsletter, async (request, reply) =>
    newsletterPage(reply, emptyForm(), request.query.page),
  );

  // No CSRF token: the form sits on cached public pages (a per-visitor token
  // would make them uncacheable), and a forged request can at most ask for a
  // confirmation email. Double opt-in, the honeypot and this route's rate
  // limit keep that from being abused.
  addRoute(app, paths.subscribe, async (request, reply) => {
    const website = (request.body as Record<string, unknown> | undefined)?.website;
    // A bot that filled the honeypot gets the usual answer and nothing is stored.
    if (typeof website !== 'string' || website === '') {
      const form = validateForm(SubscribeForm, request.body, request.t);
      if (!form.ok) return newsletterPage(reply, form, undefined, 400);
      await newsletter.subscribe(form.value.email, request.locale);
    }
    return reply.view(<CheckEmailPage />);
  });

  addRoute(app, paths.confirm, async (request, reply) => {
    const token = request.params.token;
    const check = await newsletter.checkConfirmation(token);
    if (!check.ok) return reply.view(<ConfirmProblemPage problem={check.reason} />, check.reason === 'invalid' ? 404 : 410);
    return reply.view(<ConfirmPage token={token} />);
  });

  addRoute(app, paths.confirmed, async (request, reply) => {
    const result = await newsletter.confirm(request.params.token);
    if (!result.ok) return reply.view(<ConfirmProblemPage problem={result.reason} />, result.reason === 'invalid' ? 404 : 410);
    return reply.view(<ConfirmedPage />);
  });

  addRoute(app, paths.unsubscribe, async (request, reply) => {
    const token = request.params.token;
    const subscriber = await newsletter.findByUnsubscribeToken(token);
    if (!subscriber) throw new HttpError(404);
    return reply.view(<UnsubscribePage token={token} email={subscriber.email} already={subscriber.status === 'unsubscribed'} />);
  });

  // No CSRF token: mail clients post RFC 8058 one-click unsubscribes without
  // any form. The address itself is the secret, and unsubscribing is all it can do.
  addRoute(app, paths.unsubscribed, async (request, reply) => {
    if (!(await newsletter.unsubscribe(request.params.token))) throw new HttpError(404);
    return reply.view(<UnsubscribedPage />);
  });

  addRoute(app, paths.archive, async (request, reply) => {
    const issue = await newsletter.archivedIssue(request.params.issue);
    if (!issue) throw new HttpError(404);
    return reply.view(<ArchivePage issue={issue} />);
  });

  /* ---------- admins ---------- */

  addRoute(app, paths.issues, async (request, reply) => {
    const result = await newsletter.listIssues(pageNumber(request.query.page));
    return reply.view(<IssuesPage result={result} />);
  });

  addRoute(app, paths.newIssue, async (_request, reply) => {
    return reply.view(<IssueFormPage form={emptyForm()} items={await newsletter.recentItems()} />);
  });

  addRoute(app, paths.createIssue, async (request, reply) => {
    const form = validateForm(IssueForm, request.body, request.t);
    if (!form.ok) return reply.view(<IssueFormPage form={form} items={await newsletter.recentItems()} />, 400);
    const { subject, intro = '', items } = form.value;
    const id = await newsletter.createIssue({ subject, intro, itemIds: items }, actorOf(request));
    return reply.flash('success', request.t('newsletter.compose.saved')).redirect(href(paths.issue, { issue: id }), 303);
  });

  addRoute(app, paths.issue, async (request, reply) => {
    const issue = await issueOr404(request);
    const content = (await newsletter.issueContent(issue.id))!;
    const { text } = composeIssueEmail({
      content,
      locale: request.locale,
      publicUrl: app.config.publicUrl,
      unsubscribeUrl: undefined,
    });
    const deliveries = await newsletter.listDeliveries(issue.id, pageNumber(request.query.page));
    // While sending, the browser reloads the page by itself, no script needed.
    // The Refresh header rather than a meta element: the reader can turn it off
    // (refresh=off), which a meta refresh gives no way to do.
    const autoRefresh = issue.status === 'sending' && request.query.refresh !== 'off';
    if (autoRefresh) reply.header('refresh', '5');
    return reply.view(<IssuePage issue={issue} content={content} text={text} deliveries={deliveries} autoRefresh={autoRefresh} />);
  });

  addRoute(app, paths.edit, async (request, reply) => {
    const issue = await draftOr409(request);
    const form = emptyForm({ subject: issue.subject, intro: issue.intro, items: issue.itemIds });
    return reply.view(<IssueFormPage form={form} items={await newsletter.recentItems()} issueId={issue.id} />);
  });

  addRoute(app, paths.update, async (request, reply) => {
    const issue = await draftOr409(request);
    const form = validateForm(IssueForm, request.body, request.t);
    if (!form.ok) return reply.view(<IssueFormPage form={form} items={await newsletter.recentItems()} issueId={issue.id} />, 400);
    const { subject, intro = '', items } = form.value;
    try {
      await newsletter.updateIssue(issue.id, { subject, intro, itemIds: items });
    } catch (error) {
      if (error instanceof NotADraftError) throw new HttpError(409);
      throw error;
    }
    return reply.flash('success', request.t('newsletter.compose.saved')).redirect(href(paths.issue, { issue: issue.id }), 303);
  });

  addRoute(app, paths.test, async (request, reply) => {
    const issue = await issueOr404(request);
    const actor = actorOf(request);
    await newsletter.sendTest(issue.id, actor.email, actor.locale);
    return reply
      .flash('success', request.t('newsletter.test.sent', { email: actor.email }))
      .redirect(href(paths.issue, { issue: issue.id }), 303);
  });

  addRoute(app, paths.send, async (request, reply) => {
    const issue = await draftOr409(request);
    return reply.view(<SendPage issue={issue} confirmed={await newsletter.confirmedCount()} />);
  });

  addRoute(app, paths.confirmSend, async (request, reply) => {
    const issue = await issueOr404(request);
    const back = href(paths.issue, { issue: issue.id });
    if ((await newsletter.confirmedCount()) === 0) {
      return reply.flash('info', request.t('newsletter.send.nobody')).redirect(back, 303);
    }
    // A second click finds the issue already sending and just shows its progress.
    const started = await newsletter.startSending(issue.id);
    return reply.flash('success', request.t(started ? 'newsletter.send.started' : 'newsletter.send.already')).redirect(back, 303);
  });

  addRoute(app, paths.retry, async (request, reply) => {
    const issue = await issueOr404(request);
    const queued = await newsletter.retryFailed(issue.id);
    return reply
      .flash('success', request.t('newsletter.retry.done', { count: queued }))
      .redirect(href(paths.issue, { issue: issue.id }), 303);
  });

  addRoute(app, paths.subscribers, async (request, reply) => {
    const status = statusFilter(request.query.status);
    const result = await newsletter.listSubscribers(status, pageNumber(request.query.page));
    const confirmed = await newsletter.confirmedCount();
    const counts = request.t('newsletter.subscribers.lead', { confirmed });
    return reply.view(<SubscribersPage result={result} status={status} counts={counts} />);
  });

  addRoute(app, paths.subscribersCsv, async (request, reply) => {
    const status = statusFilter(request.query.status);
    const { t } = request;
    async function* rows() {
      yield [
        t('newsletter.column.email'),
        t('newsletter.column.status'),
        t('newsletter.column.language'),
        t('newsletter.column.subscribed'),
        t('newsletter.column.confirmed'),
        t('newsletter.column.unsubscribed'),
      ];
      for await (const s of newsletter.allSubscribers(status)) {
        yield [s.email, t(subscriberStatus[s.status]), s.locale, s.created_at, s.confirmed_at, s.unsubscribed_at];
      }
    }
    return sendCsv(reply, `subscribers${status ? `-${status}` : ''}.csv`, rows());
  });
}

