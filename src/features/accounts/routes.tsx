import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Static, TObject } from 'typebox';
import { emptyForm, validateForm, withError, type FormResult } from '../../ui/forms';
import { endSession, startSession } from '../../server/plugins/session';
import { preferLocale } from '../../server/plugins/i18n';
import { HttpError } from '../../server/http-error';
import { addRoute, href } from '../../server/route-contract';
import { accountsRoutes as paths, twoFactorRoutes } from './route-table';
import { translator, type Locale, type MessageKey, type Translate } from '../../i18n';
import { isTimeZone } from '../../i18n/format';
import type { TokenPurpose } from '../../db/types';
import type { Actor } from '../../policy';
import { EmailInUseError } from './service';
import {
  ChangePasswordForm,
  ForgotPasswordForm,
  InvitationForm,
  ProfileForm,
  ResetPasswordForm,
  RevokeSessionForm,
  SetupForm,
  SignInForm,
} from './schema';
import { SignInPage } from './views/sign-in-page';
import { ForgotPasswordPage, ForgotPasswordSentPage } from './views/forgot-password-page';
import { LinkProblemPage, type LinkProblem } from './views/link-problem-page';
import { ResetPasswordPage } from './views/reset-password-page';
import { InvitationPage } from './views/invitation-page';
import { SetupPage } from './views/setup-page';
import { AccountPage } from './views/account-page';
import { ProfilePage } from './views/profile-page';
import { PasswordPage } from './views/password-page';
import { SessionsPage } from './views/sessions-page';
import { safeNext } from './safe-next';

/** Adds an error to a field unless validation already found one there. */
function addError<T>(form: FormResult<T>, field: string, message: string): FormResult<T> {
  const errors = form.ok ? {} : form.errors;
  return { ok: false, errors: { ...errors, [field]: errors[field] ?? message }, values: form.values };
}

/** Validates a form that sets a new password, checking that both copies match. */
function validateNewPassword<S extends TObject>(schema: S, body: unknown, t: Translate): FormResult<Static<S>> {
  const form = validateForm(schema, body, t);
  const { newPassword, confirmPassword } = form.values;
  if (typeof confirmPassword === 'string' && confirmPassword !== '' && newPassword !== confirmPassword) {
    return addError(form, 'confirmPassword', t('accounts.error.passwordMismatch'));
  }
  return form;
}

/** The page for a reset or invitation link that cannot be used: 404 if unknown, 410 if it was good once. */
function linkProblem(reply: FastifyReply, purpose: TokenPurpose, problem: LinkProblem) {
  return reply.view(<LinkProblemPage purpose={purpose} problem={problem} />, problem === 'invalid' ? 404 : 410);
}

/**
 * Signs in a person who has just given their password or used an emailed
 * link: ends whichever session the browser had and starts theirs. With
 * two-step sign-in on, the new session waits for a code first, on the second
 * step's page. Returns where to send the browser.
 */
export async function beginSignIn(request: FastifyRequest, reply: FastifyReply, userId: string, next: string): Promise<string> {
  const secondStep = await request.server.services.twoFactor.isEnabled(userId);
  await endSession(request, reply);
  await startSession(request, reply, userId, { secondStep });
  return secondStep ? href(twoFactorRoutes.secondStepPage, {}, { next }) : next;
}

/** Signs a person in after they proved who they are by a link or setup, and greets them in their own language. */
async function signInAs(request: FastifyRequest, reply: FastifyReply, user: { id: string; locale: Locale }, message: MessageKey) {
  const target = await beginSignIn(request, reply, user.id, '/dashboard');
  return reply.flash('success', translator(user.locale)(message)).redirect(target, 303);
}

/** The signed-in person; routes that use it require `account.use`, so there always is one. */
function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new HttpError(403);
  return request.actor;
}

/** Signing in and out, password reset, invitations, first-run setup, and a person's own account. */
export async function accountsRoutes(app: FastifyInstance) {
  const { accounts } = app.services;

  addRoute(app, paths.signInPage, async (request, reply) => {
    const { next } = request.query;
    if (request.actor) return reply.redirect(safeNext(next), 303);
    return reply.view(<SignInPage form={emptyForm({ next: typeof next === 'string' ? next : '' })} />);
  });

  addRoute(app, paths.signIn, async (request, reply) => {
    const form = validateForm(SignInForm, request.body, request.t);
    if (!form.ok) return reply.view(<SignInPage form={form} />, 400);
    const result = await accounts.signIn({ ...form.value, ipAddress: request.ip });
    if (!result.ok) {
      const problem =
        result.reason === 'throttled'
          ? request.t('accounts.signIn.throttled', { minutes: result.retryAfterMinutes })
          : request.t('accounts.signIn.invalid');
      return reply.view(<SignInPage form={{ values: form.values, errors: {} }} problem={problem} />, result.reason === 'throttled' ? 429 : 400);
    }
    // A session the browser already had ends: one sign-in, one session.
    return reply.redirect(await beginSignIn(request, reply, result.userId, safeNext(form.value.next)), 303);
  });

  addRoute(app, paths.signOut, async (request, reply) => {
    await endSession(request, reply);
    return reply.flash('info', request.t('accounts.signOut.done')).redirect('/', 303);
  });

  addRoute(app, paths.forgotPassword, async (_request, reply) => {
    return reply.view(<ForgotPasswordPage form={emptyForm()} />);
  });

  // Each request may send an email, so an address gets only a few per quarter hour.
  addRoute(app, paths.requestReset, async (request, reply) => {
      const form = validateForm(ForgotPasswordForm, request.body, request.t);
      if (!form.ok) return reply.view(<ForgotPasswordPage form={form} />, 400);
      await accounts.requestPasswordReset(form.value.email);
      return reply.view(<ForgotPasswordSentPage email={form.value.email} />);
    },
  );

  addRoute(app, paths.resetPage, async (request, reply) => {
    const token = request.params.token;
    const check = await accounts.checkToken(token, 'reset');
    if (!check.ok) return linkProblem(reply, 'reset', check.reason);
    return reply.view(<ResetPasswordPage form={emptyForm()} token={token} email={check.user.email} />);
  });

  addRoute(app, paths.reset, async (request, reply) => {
    const token = request.params.token;
    const check = await accounts.checkToken(token, 'reset');
    if (!check.ok) return linkProblem(reply, 'reset', check.reason);
    const form = validateNewPassword(ResetPasswordForm, request.body, request.t);
    if (!form.ok) return reply.view(<ResetPasswordPage form={form} token={token} email={check.user.email} />, 400);
    const result = await accounts.resetPassword(token, form.value.newPassword);
    if (!result.ok) return linkProblem(reply, 'reset', result.reason);
    return signInAs(request, reply, result.user, 'accounts.reset.done');
  });

  addRoute(app, paths.invitationPage, async (request, reply) => {
    const token = request.params.token;
    const check = await accounts.checkToken(token, 'invite');
    if (!check.ok) return linkProblem(reply, 'invite', check.reason);
    preferLocale(request, check.user.locale);
    return reply.view(<InvitationPage form={emptyForm({ name: check.user.name })} token={token} email={check.user.email} />);
  });

  addRoute(app, paths.acceptInvitation, async (request, reply) => {
    const token = request.params.token;
    const check = await accounts.checkToken(token, 'invite');
    if (!check.ok) return linkProblem(reply, 'invite', check.reason);
    preferLocale(request, check.user.locale);
    const form = validateNewPassword(InvitationForm, request.body, request.t);
    if (!form.ok) return reply.view(<InvitationPage form={form} token={token} email={check.user.email} />, 400);
    const result = await accounts.acceptInvitation(token, { name: form.value.name, password: form.value.newPassword });
    if (!result.ok) return linkProblem(reply, 'invite', result.reason);
    return signInAs(request, reply, result.user, 'accounts.invitation.done');
  });

  addRoute(app, paths.setupPage, async (_request, reply) => {
    if (await accounts.hasAdmin()) throw new HttpError(404);
    return reply.view(<SetupPage form={emptyForm()} />);
  });

  addRoute(app, paths.setup, async (request, reply) => {
    if (await accounts.hasAdmin()) throw new HttpError(404);
    const form = validateNewPassword(SetupForm, request.body, request.t);
    if (!form.ok) return reply.view(<SetupPage form={form} />, 400);
    const { name, email, newPassword } = form.value;
    try {
      const admin = await accounts.createFirstAdmin({ name, email, password: newPassword, locale: request.locale });
      if (!admin) throw new HttpError(404);
      return await signInAs(request, reply, admin, 'accounts.setup.done');
    } catch (error) {
      if (!(error instanceof EmailInUseError)) throw error;
      return reply.view(<SetupPage form={withError(form.values, 'email', request.t('accounts.error.emailInUse'))} />, 400);
    }
  });

  addRoute(app, paths.account, async (_request, reply) => {
    return reply.view(<AccountPage />);
  });

  addRoute(app, paths.profile, async (request, reply) => {
    const actor = actorOf(request);
    return reply.view(<ProfilePage form={emptyForm({ name: actor.name, locale: actor.locale, timeZone: actor.timeZone })} />);
  });

  addRoute(app, paths.saveProfile, async (request, reply) => {
    const actor = actorOf(request);
    let form = validateForm(ProfileForm, request.body, request.t);
    const { timeZone } = form.values;
    if (typeof timeZone === 'string' && timeZone !== '' && !isTimeZone(timeZone)) {
      form = addError(form, 'timeZone', request.t('accounts.error.timeZone'));
    }
    if (!form.ok) return reply.view(<ProfilePage form={form} />, 400);
    await accounts.updateProfile(actor.id, form.value);
    // The next page is shown in the newly chosen language, so the message is too.
    return reply.flash('success', translator(form.value.locale)('accounts.profile.done')).redirect(href(paths.account), 303);
  });

  addRoute(app, paths.password, async (_request, reply) => {
    return reply.view(<PasswordPage form={emptyForm()} />);
  });

  // Limits guessing the current password from a session left open on a shared computer.
  addRoute(app, paths.changePassword, async (request, reply) => {
      const actor = actorOf(request);
      const form = validateNewPassword(ChangePasswordForm, request.body, request.t);
      if (!form.ok) return reply.view(<PasswordPage form={form} />, 400);
      if (!(await accounts.changePassword(actor, form.value.currentPassword, form.value.newPassword))) {
        const wrong = withError(form.values, 'currentPassword', request.t('accounts.error.currentPasswordWrong'));
        return reply.view(<PasswordPage form={wrong} />, 400);
      }
      return reply.flash('success', request.t('accounts.password.done')).redirect(href(paths.account), 303);
    },
  );

  addRoute(app, paths.sessions, async (request, reply) => {
    const actor = actorOf(request);
    return reply.view(<SessionsPage sessions={await accounts.listSessions(actor.id, actor.sessionId)} />);
  });

  addRoute(app, paths.revokeSession, async (request, reply) => {
    const actor = actorOf(request);
    const form = validateForm(RevokeSessionForm, request.body, request.t);
    if (!form.ok) throw new HttpError(400);
    if (form.value.session === actor.sessionId) {
      await endSession(request, reply);
      return reply.flash('info', request.t('accounts.signOut.done')).redirect('/', 303);
    }
    if (!(await accounts.revokeSession(actor.id, form.value.session))) throw new HttpError(404);
    return reply.flash('success', request.t('accounts.sessions.revoked')).redirect(href(paths.sessions), 303);
  });

  addRoute(app, paths.revokeOtherSessions, async (request, reply) => {
    const actor = actorOf(request);
    await accounts.revokeOtherSessions(actor.id, actor.sessionId);
    return reply.flash('success', request.t('accounts.sessions.revokedOthers')).redirect(href(paths.sessions), 303);
  });
}
