import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { emptyForm, validateForm, withError } from '../../ui/forms';
import { endSession, startSession } from '../../server/plugins/session';
import { HttpError } from '../../server/http-error';
import type { Actor } from '../../policy';
import { PasswordAgainForm, RequiredRolesForm, SecondStepForm, TwoFactorConfirmForm } from './schema';
import { safeNext } from './safe-next';
import { PasswordAgainPage, TwoFactorPage, type PasswordAgainChange } from './views/two-factor-page';
import { TwoFactorSetupPage } from './views/two-factor-setup-page';
import { RecoveryCodesPage } from './views/recovery-codes-page';
import { SecondStepPage } from './views/second-step-page';
import { TwoFactorSettingsPage } from './views/two-factor-settings-page';
import { PersonTwoFactorOffPage } from './views/person-two-factor-off-page';
import type { Person } from './service';

/** Pages that set up two-step sign-in stay open to a person who must set it up. */
const setupPage = { can: 'account.use', twoFactorSetup: true } as const;
/** Each guess at a password or code costs a request; these limits come on top of the per-account ones. */
const guarded = { rateLimit: { max: 10, timeWindow: '15 minutes' } } as const;

function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new HttpError(403);
  return request.actor;
}

/** Recovery codes are shown once: the page must never be stored by a browser or proxy. */
function showCodes(reply: FastifyReply, codes: string[], notice?: string) {
  return reply.header('cache-control', 'no-store').view(<RecoveryCodesPage codes={codes} notice={notice} />);
}

/**
 * Two-step sign-in (decision record 027): a person's own setup, recovery
 * codes and turning it off; the code step of signing in; and the admin
 * setting that requires it for whole roles.
 */
export async function twoFactorRoutes(app: FastifyInstance) {
  const { accounts, twoFactor } = app.services;

  const required = async (actor: Actor) => (await twoFactor.requiredRoles()).includes(actor.role);

  app.get('/account/two-factor', { config: setupPage }, async (request, reply) => {
    const actor = actorOf(request);
    return reply.view(<TwoFactorPage status={await twoFactor.status(actor.id)} required={await required(actor)} />);
  });

  app.get('/account/two-factor/setup', { config: setupPage }, async (request, reply) => {
    const setup = await twoFactor.setUp(actorOf(request).id);
    if (!setup) return reply.redirect('/account/two-factor', 303);
    return reply.header('cache-control', 'no-store').view(<TwoFactorSetupPage setup={setup} form={emptyForm()} />);
  });

  app.post('/account/two-factor/setup', { config: { ...setupPage, ...guarded } }, async (request, reply) => {
    const actor = actorOf(request);
    const setup = await twoFactor.setUp(actor.id);
    if (!setup) return reply.redirect('/account/two-factor', 303);
    const form = validateForm(TwoFactorConfirmForm, request.body, request.t);
    const codes = form.ok ? await twoFactor.confirm(actor.id, form.value.code) : undefined;
    if (!codes) {
      const shown = form.ok ? withError(form.values, 'code', request.t('accounts.twoFactor.error.codeWrong')) : form;
      return reply.header('cache-control', 'no-store').view(<TwoFactorSetupPage setup={setup} form={shown} />, 400);
    }
    // Whoever else was signed in got there with the password alone.
    await accounts.revokeOtherSessions(actor.id, actor.sessionId);
    return showCodes(reply, codes, request.t('accounts.twoFactor.codes.turnedOn'));
  });

  /** A change that needs the password again: the form, then the change itself. */
  function passwordAgain(change: PasswordAgainChange, path: string, make: (actor: Actor, reply: FastifyReply, request: FastifyRequest) => Promise<unknown>) {
    app.get(path, { config: setupPage }, async (request, reply) => {
      if (!(await twoFactor.isEnabled(actorOf(request).id))) return reply.redirect('/account/two-factor', 303);
      return reply.view(<PasswordAgainPage change={change} form={emptyForm()} />);
    });
    app.post(path, { config: { ...setupPage, ...guarded } }, async (request, reply) => {
      const actor = actorOf(request);
      if (!(await twoFactor.isEnabled(actor.id))) return reply.redirect('/account/two-factor', 303);
      const form = validateForm(PasswordAgainForm, request.body, request.t);
      if (!form.ok) return reply.view(<PasswordAgainPage change={change} form={form} />, 400);
      if (!(await accounts.verifyPassword(actor.id, form.value.password))) {
        const wrong = withError(form.values, 'password', request.t('accounts.twoFactor.error.passwordWrong'));
        return reply.view(<PasswordAgainPage change={change} form={wrong} />, 400);
      }
      return make(actor, reply, request);
    });
  }

  passwordAgain('renew', '/account/two-factor/recovery-codes', async (actor, reply) => {
    const codes = await twoFactor.renewRecoveryCodes(actor.id);
    if (!codes) return reply.redirect('/account/two-factor', 303);
    return showCodes(reply, codes);
  });

  passwordAgain('disable', '/account/two-factor/disable', async (actor, reply, request) => {
    if (await required(actor)) {
      return reply.view(<PasswordAgainPage change="disable" form={withError({}, 'password', request.t('accounts.twoFactor.requiredNote'))} />, 400);
    }
    await twoFactor.disable(actor.id);
    return reply.flash('success', request.t('accounts.twoFactor.disable.done')).redirect('/account/two-factor', 303);
  });

  app.get('/sign-in/two-factor', { config: { can: 'site.view' } }, async (request, reply) => {
    const next = (request.query as Record<string, unknown>).next;
    if (request.actor) return reply.redirect(safeNext(next), 303);
    if (!request.pendingSignIn) return reply.flash('info', request.t('accounts.twoFactor.step.expired')).redirect('/sign-in', 303);
    return reply.header('cache-control', 'no-store').view(<SecondStepPage form={emptyForm({ next: typeof next === 'string' ? next : '' })} />);
  });

  app.post('/sign-in/two-factor', { config: { can: 'site.view', ...guarded } }, async (request, reply) => {
    const pending = request.pendingSignIn;
    if (!pending) return reply.flash('info', request.t('accounts.twoFactor.step.expired')).redirect('/sign-in', 303);
    const form = validateForm(SecondStepForm, request.body, request.t);
    if (!form.ok) return reply.view(<SecondStepPage form={form} />, 400);
    const result = await accounts.passSecondStep(pending, form.value.code);
    if (result.ok) {
      await startSession(request, reply, pending.userId);
      if (result.recoveryCodesLeft !== undefined) {
        reply.flash('info', request.t('accounts.twoFactor.step.recoveryUsed', { count: result.recoveryCodesLeft }));
      }
      return reply.redirect(safeNext(form.value.next), 303);
    }
    if (result.reason === 'restart') {
      await endSession(request, reply);
      return reply.flash('info', request.t('accounts.twoFactor.step.restart')).redirect('/sign-in', 303);
    }
    const problem =
      result.reason === 'throttled'
        ? request.t('accounts.twoFactor.step.throttled', { minutes: result.retryAfterMinutes })
        : request.t('accounts.twoFactor.error.codeWrong');
    return reply.view(<SecondStepPage form={{ values: form.values, errors: {} }} problem={problem} />, result.reason === 'throttled' ? 429 : 400);
  });

  /** The person an admin is about to help, who must have two-step sign-in on and be someone else. */
  async function lockedOutPerson(request: FastifyRequest): Promise<Person> {
    const person = await accounts.getPerson((request.params as { person: string }).person);
    if (!person?.two_factor_enabled || person.id === actorOf(request).id) throw new HttpError(404);
    return person;
  }

  app.get('/people/:person/two-factor/disable', { config: { can: 'people.manage' } }, async (request, reply) => {
    return reply.view(<PersonTwoFactorOffPage person={await lockedOutPerson(request)} />);
  });

  // For someone who lost both their phone and their recovery codes. Every
  // session of theirs ends, in case the phone is in someone else's hands.
  app.post('/people/:person/two-factor/disable', { config: { can: 'people.manage' } }, async (request, reply) => {
    const person = await lockedOutPerson(request);
    await twoFactor.disable(person.id);
    await accounts.revokeOtherSessions(person.id);
    return reply.flash('success', request.t('accounts.twoFactor.adminOff.done', { name: person.name })).redirect(`/people/${person.id}`, 303);
  });

  app.get('/people/sign-in-security', { config: { can: 'people.manage' } }, async (_request, reply) => {
    return reply.view(<TwoFactorSettingsPage adoption={await twoFactor.adoption()} form={emptyForm({ roles: await twoFactor.requiredRoles() })} />);
  });

  app.post('/people/sign-in-security', { config: { can: 'people.manage' } }, async (request, reply) => {
    const form = validateForm(RequiredRolesForm, request.body, request.t);
    if (!form.ok) return reply.view(<TwoFactorSettingsPage adoption={await twoFactor.adoption()} form={form} />, 400);
    await twoFactor.setRequiredRoles(form.value.roles);
    return reply.flash('success', request.t('accounts.twoFactor.settings.done')).redirect('/people/sign-in-security', 303);
  });
}
