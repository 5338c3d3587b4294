import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { emptyForm, validateForm, withError } from '../../ui/forms';
import { endSession, startSession } from '../../server/plugins/session';
import { HttpError } from '../../server/http-error';
import { addRoute, href, type ContractRequest } from '../../server/route-contract';
import { accountsRoutes, twoFactorRoutes as paths } from './route-table';
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

  addRoute(app, paths.status, async (request, reply) => {
    const actor = actorOf(request);
    return reply.view(<TwoFactorPage status={await twoFactor.status(actor.id)} required={await required(actor)} />);
  });

  addRoute(app, paths.setupPage, async (request, reply) => {
    const setup = await twoFactor.setUp(actorOf(request).id);
    if (!setup) return reply.redirect(href(paths.status), 303);
    return reply.header('cache-control', 'no-store').view(<TwoFactorSetupPage setup={setup} form={emptyForm()} />);
  });

  addRoute(app, paths.confirm, async (request, reply) => {
    const actor = actorOf(request);
    const setup = await twoFactor.setUp(actor.id);
    if (!setup) return reply.redirect(href(paths.status), 303);
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
  function passwordAgain(
    change: PasswordAgainChange,
    routes: { page: typeof paths.renewPage | typeof paths.disablePage; post: typeof paths.renew | typeof paths.disable },
    make: (actor: Actor, reply: FastifyReply, request: FastifyRequest) => Promise<unknown>,
  ) {
    addRoute(app, routes.page, async (request, reply) => {
      if (!(await twoFactor.isEnabled(actorOf(request).id))) return reply.redirect(href(paths.status), 303);
      return reply.view(<PasswordAgainPage change={change} form={emptyForm()} />);
    });
    addRoute(app, routes.post, async (request, reply) => {
      const actor = actorOf(request);
      if (!(await twoFactor.isEnabled(actor.id))) return reply.redirect(href(paths.status), 303);
      const form = validateForm(PasswordAgainForm, request.body, request.t);
      if (!form.ok) return reply.view(<PasswordAgainPage change={change} form={form} />, 400);
      if (!(await accounts.verifyPassword(actor.id, form.value.password))) {
        const wrong = withError(form.values, 'password', request.t('accounts.twoFactor.error.passwordWrong'));
        return reply.view(<PasswordAgainPage change={change} form={wrong} />, 400);
      }
      return make(actor, reply, request);
    });
  }

  passwordAgain('renew', { page: paths.renewPage, post: paths.renew }, async (actor, reply) => {
    const codes = await twoFactor.renewRecoveryCodes(actor.id);
    if (!codes) return reply.redirect(href(paths.status), 303);
    return showCodes(reply, codes);
  });

  passwordAgain('disable', { page: paths.disablePage, post: paths.disable }, async (actor, reply, request) => {
    if (await required(actor)) {
      return reply.view(<PasswordAgainPage change="disable" form={withError({}, 'password', request.t('accounts.twoFactor.requiredNote'))} />, 400);
    }
    await twoFactor.disable(actor.id);
    return reply.flash('success', request.t('accounts.twoFactor.disable.done')).redirect(href(paths.status), 303);
  });

  addRoute(app, paths.secondStepPage, async (request, reply) => {
    const { next } = request.query;
    if (request.actor) return reply.redirect(safeNext(next), 303);
    if (!request.pendingSignIn) return reply.flash('info', request.t('accounts.twoFactor.step.expired')).redirect(href(accountsRoutes.signInPage), 303);
    return reply.header('cache-control', 'no-store').view(<SecondStepPage form={emptyForm({ next: typeof next === 'string' ? next : '' })} />);
  });

  addRoute(app, paths.secondStep, async (request, reply) => {
    const pending = request.pendingSignIn;
    if (!pending) return reply.flash('info', request.t('accounts.twoFactor.step.expired')).redirect(href(accountsRoutes.signInPage), 303);
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
      return reply.flash('info', request.t('accounts.twoFactor.step.restart')).redirect(href(accountsRoutes.signInPage), 303);
    }
    const problem =
      result.reason === 'throttled'
        ? request.t('accounts.twoFactor.step.throttled', { minutes: result.retryAfterMinutes })
        : request.t('accounts.twoFactor.error.codeWrong');
    return reply.view(<SecondStepPage form={{ values: form.values, errors: {} }} problem={problem} />, result.reason === 'throttled' ? 429 : 400);
  });

  /** The person an admin is about to help, who must have two-step sign-in on and be someone else. */
  async function lockedOutPerson(request: ContractRequest<typeof paths.personOff>): Promise<Person> {
    const person = await accounts.getPerson(request.params.person);
    if (!person?.two_factor_enabled || person.id === actorOf(request).id) throw new HttpError(404);
    return person;
  }

  addRoute(app, paths.personOffPage, async (request, reply) => {
    return reply.view(<PersonTwoFactorOffPage person={await lockedOutPerson(request)} />);
  });

  // For someone who lost both their phone and their recovery codes. Every
  // session of theirs ends, in case the phone is in someone else's hands.
  addRoute(app, paths.personOff, async (request, reply) => {
    const person = await lockedOutPerson(request);
    await twoFactor.disable(person.id);
    await accounts.revokeOtherSessions(person.id);
    return reply.flash('success', request.t('accounts.twoFactor.adminOff.done', { name: person.name })).redirect(`/people/${person.id}`, 303);
  });

  addRoute(app, paths.settings, async (_request, reply) => {
    return reply.view(<TwoFactorSettingsPage adoption={await twoFactor.adoption()} form={emptyForm({ roles: await twoFactor.requiredRoles() })} />);
  });

  addRoute(app, paths.saveSettings, async (request, reply) => {
    const form = validateForm(RequiredRolesForm, request.body, request.t);
    if (!form.ok) return reply.view(<TwoFactorSettingsPage adoption={await twoFactor.adoption()} form={form} />, 400);
    await twoFactor.setRequiredRoles(form.value.roles);
    return reply.flash('success', request.t('accounts.twoFactor.settings.done')).redirect(href(paths.settings), 303);
  });
}
