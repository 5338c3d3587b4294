import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { emptyForm, validateForm, type FormState } from '../../ui/forms';
import { pageNumber } from '../../ui/pagination';
import { sendCsv } from '../../server/csv-response';
import { HttpError } from '../../server/http-error';
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

const visitor = { config: { can: 'site.view' as const } };
const manage = { config: { can: 'newsletter.manage' as const } };

const paramOf = (request: FastifyRequest, name: string): string => (request.params as Record<string, string>)[name] ?? '';
const queryOf = (request: FastifyRequest): Record<string, unknown> => request.query as Record<string, unknown>;

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

  const newsletterPage = async (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const issues = await newsletter.listSentIssues(pageNumber(queryOf(request).page));
    return reply.view(<NewsletterPage form={form} issues={issues} />, status);
  };

  const issueOr404 = async (request: FastifyRequest) => {
    const issue = await newsletter.getIssue(paramOf(request, 'issue'));
    if (!issue) throw new HttpError(404);
    return issue;
  };

  const draftOr409 = async (request: FastifyRequest) => {
    const issue = await issueOr404(request);
    if (issue.status !== 'draft') throw new HttpError(409);
    return issue;
  };

  /* ---------- visitors ---------- */

  app.get('/newsletter', { config: { can: 'site.view', publicCache: true } }, async (request, reply) =>
    newsletterPage(request, reply, emptyForm()),
  );

  // No CSRF token: the form sits on cached public pages (a per-visitor token
  // would make them uncacheable), and a forged request can at most ask for a
  // confirmation email. Double opt-in, the honeypot and this route's rate
  // limit keep that from being abused.
  app.post(
    '/newsletter/subscribe',
    { config: { can: 'site.view', csrf: false, rateLimit: { max: 10, timeWindow: '15 minutes' } } },
    async (request, reply) => {
      const website = (request.body as Record<string, unknown> | undefined)?.website;
      // A bot that filled the honeypot gets the usual answer and nothing is stored.
      if (typeof website !== 'string' || website === '') {
        const form = validateForm(SubscribeForm, request.body, request.t);
        if (!form.ok) return newsletterPage(request, reply, form, 400);
        await newsletter.subscribe(form.value.email, request.locale);
      }
      return reply.view(<CheckEmailPage />);
    },
  );

  app.get('/newsletter/confirm/:token', visitor, async (request, reply) => {
    const token = paramOf(request, 'token');
    const check = await newsletter.checkConfirmation(token);
    if (!check.ok) return reply.view(<ConfirmProblemPage problem={check.reason} />, check.reason === 'invalid' ? 404 : 410);
    return reply.view(<ConfirmPage token={token} />);
  });

  app.post('/newsletter/confirm/:token', visitor, async (request, reply) => {
    const result = await newsletter.confirm(paramOf(request, 'token'));
    if (!result.ok) return reply.view(<ConfirmProblemPage problem={result.reason} />, result.reason === 'invalid' ? 404 : 410);
    return reply.view(<ConfirmedPage />);
  });

  app.get('/newsletter/unsubscribe/:token', visitor, async (request, reply) => {
    const token = paramOf(request, 'token');
    const subscriber = await newsletter.findByUnsubscribeToken(token);
    if (!subscriber) throw new HttpError(404);
    return reply.view(<UnsubscribePage token={token} email={subscriber.email} already={subscriber.status === 'unsubscribed'} />);
  });

  // No CSRF token: mail clients post RFC 8058 one-click unsubscribes without
  // any form. The address itself is the secret, and unsubscribing is all it can do.
  app.post('/newsletter/unsubscribe/:token', { config: { can: 'site.view', csrf: false } }, async (request, reply) => {
    if (!(await newsletter.unsubscribe(paramOf(request, 'token')))) throw new HttpError(404);
    return reply.view(<UnsubscribedPage />);
  });

  app.get('/newsletter/archive/:issue', { config: { can: 'site.view', publicCache: true } }, async (request, reply) => {
    const issue = await newsletter.archivedIssue(paramOf(request, 'issue'));
    if (!issue) throw new HttpError(404);
    return reply.view(<ArchivePage issue={issue} />);
  });

  /* ---------- admins ---------- */

  app.get('/newsletter/issues', manage, async (request, reply) => {
    const result = await newsletter.listIssues(pageNumber(queryOf(request).page));
    return reply.view(<IssuesPage result={result} />);
  });

  app.get('/newsletter/issues/new', manage, async (_request, reply) => {
    return reply.view(<IssueFormPage form={emptyForm()} items={await newsletter.recentItems()} />);
  });

  app.post('/newsletter/issues/new', manage, async (request, reply) => {
    const form = validateForm(IssueForm, request.body, request.t);
    if (!form.ok) return reply.view(<IssueFormPage form={form} items={await newsletter.recentItems()} />, 400);
    const { subject, intro = '', items } = form.value;
    const id = await newsletter.createIssue({ subject, intro, itemIds: items }, actorOf(request));
    return reply.flash('success', request.t('newsletter.compose.saved')).redirect(`/newsletter/issues/${id}`, 303);
  });

  app.get('/newsletter/issues/:issue', manage, async (request, reply) => {
    const issue = await issueOr404(request);
    const content = (await newsletter.issueContent(issue.id))!;
    const { text } = composeIssueEmail({
      content,
      locale: request.locale,
      publicUrl: app.config.publicUrl,
      unsubscribeUrl: undefined,
    });
    const deliveries = await newsletter.listDeliveries(issue.id, pageNumber(queryOf(request).page));
    // While sending, the browser reloads the page by itself, no script needed.
    // The Refresh header rather than a meta element: the reader can turn it off
    // (refresh=off), which a meta refresh gives no way to do.
    const autoRefresh = issue.status === 'sending' && queryOf(request).refresh !== 'off';
    if (autoRefresh) reply.header('refresh', '5');
    return reply.view(<IssuePage issue={issue} content={content} text={text} deliveries={deliveries} autoRefresh={autoRefresh} />);
  });

  app.get('/newsletter/issues/:issue/edit', manage, async (request, reply) => {
    const issue = await draftOr409(request);
    const form = emptyForm({ subject: issue.subject, intro: issue.intro, items: issue.itemIds });
    return reply.view(<IssueFormPage form={form} items={await newsletter.recentItems()} issueId={issue.id} />);
  });

  app.post('/newsletter/issues/:issue/edit', manage, async (request, reply) => {
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
    return reply.flash('success', request.t('newsletter.compose.saved')).redirect(`/newsletter/issues/${issue.id}`, 303);
  });

  app.post('/newsletter/issues/:issue/test', manage, async (request, reply) => {
    const issue = await issueOr404(request);
    const actor = actorOf(request);
    await newsletter.sendTest(issue.id, actor.email, actor.locale);
    return reply
      .flash('success', request.t('newsletter.test.sent', { email: actor.email }))
      .redirect(`/newsletter/issues/${issue.id}`, 303);
  });

  app.get('/newsletter/issues/:issue/send', manage, async (request, reply) => {
    const issue = await draftOr409(request);
    return reply.view(<SendPage issue={issue} confirmed={await newsletter.confirmedCount()} />);
  });

  app.post('/newsletter/issues/:issue/send', manage, async (request, reply) => {
    const issue = await issueOr404(request);
    const back = `/newsletter/issues/${issue.id}`;
    if ((await newsletter.confirmedCount()) === 0) {
      return reply.flash('info', request.t('newsletter.send.nobody')).redirect(back, 303);
    }
    // A second click finds the issue already sending and just shows its progress.
    const started = await newsletter.startSending(issue.id);
    return reply.flash('success', request.t(started ? 'newsletter.send.started' : 'newsletter.send.already')).redirect(back, 303);
  });

  app.post('/newsletter/issues/:issue/retry', manage, async (request, reply) => {
    const issue = await issueOr404(request);
    const queued = await newsletter.retryFailed(issue.id);
    return reply
      .flash('success', request.t('newsletter.retry.done', { count: queued }))
      .redirect(`/newsletter/issues/${issue.id}`, 303);
  });

  app.get('/newsletter/subscribers', manage, async (request, reply) => {
    const status = statusFilter(queryOf(request).status);
    const result = await newsletter.listSubscribers(status, pageNumber(queryOf(request).page));
    const confirmed = await newsletter.confirmedCount();
    const counts = request.t('newsletter.subscribers.lead', { confirmed });
    return reply.view(<SubscribersPage result={result} status={status} counts={counts} />);
  });

  app.get('/newsletter/subscribers.csv', manage, async (request, reply) => {
    const status = statusFilter(queryOf(request).status);
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

