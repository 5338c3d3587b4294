import { Type } from 'typebox';
import { defineRoutes, queryValue } from '../../server/route-contract';

const anyone = 'site.view';
const signedIn = 'account.use';
/** Where to go after signing in; read by `safeNext`. */
const next = Type.Object({ next: queryValue() });
/** Each request may send an email or test a password, so an address gets only a few per quarter hour. */
const guarded = (max: number) => ({ rateLimit: { max, timeWindow: '15 minutes' } });
/** Pages that set up two-step sign-in stay open to a person who must set it up (decision 027). */
const setupPage = { twoFactorSetup: true };

/** Signing in and out, emailed links, first-run setup and a person's own account: every link is built from this table with `href`. */
export const accountsRoutes = defineRoutes({
  signInPage: { method: 'GET', path: '/sign-in', can: anyone, query: next },
  signIn: { method: 'POST', path: '/sign-in', can: anyone },
  signOut: { method: 'POST', path: '/sign-out', can: anyone },
  forgotPassword: { method: 'GET', path: '/forgot-password', can: anyone },
  requestReset: { method: 'POST', path: '/forgot-password', can: anyone, config: guarded(5) },
  resetPage: { method: 'GET', path: '/reset-password/:token', can: anyone },
  reset: { method: 'POST', path: '/reset-password/:token', can: anyone },
  invitationPage: { method: 'GET', path: '/invitations/:token', can: anyone },
  acceptInvitation: { method: 'POST', path: '/invitations/:token', can: anyone },
  setupPage: { method: 'GET', path: '/setup', can: anyone },
  setup: { method: 'POST', path: '/setup', can: anyone },
  account: { method: 'GET', path: '/account', can: signedIn },
  profile: { method: 'GET', path: '/account/profile', can: signedIn },
  saveProfile: { method: 'POST', path: '/account/profile', can: signedIn },
  password: { method: 'GET', path: '/account/password', can: signedIn },
  // Limits guessing the current password from a session left open on a shared computer.
  changePassword: { method: 'POST', path: '/account/password', can: signedIn, config: guarded(10) },
  sessions: { method: 'GET', path: '/account/sessions', can: signedIn },
  revokeSession: { method: 'POST', path: '/account/sessions/revoke', can: signedIn },
  revokeOtherSessions: { method: 'POST', path: '/account/sessions/revoke-others', can: signedIn },
});

/** Two-step sign-in (decision 027): a person's own setup, the code step of signing in, and the admin pages. */
export const twoFactorRoutes = defineRoutes({
  status: { method: 'GET', path: '/account/two-factor', can: signedIn, config: setupPage },
  setupPage: { method: 'GET', path: '/account/two-factor/setup', can: signedIn, config: setupPage },
  confirm: { method: 'POST', path: '/account/two-factor/setup', can: signedIn, config: { ...setupPage, ...guarded(10) } },
  renewPage: { method: 'GET', path: '/account/two-factor/recovery-codes', can: signedIn, config: setupPage },
  renew: { method: 'POST', path: '/account/two-factor/recovery-codes', can: signedIn, config: { ...setupPage, ...guarded(10) } },
  disablePage: { method: 'GET', path: '/account/two-factor/disable', can: signedIn, config: setupPage },
  disable: { method: 'POST', path: '/account/two-factor/disable', can: signedIn, config: { ...setupPage, ...guarded(10) } },
  secondStepPage: { method: 'GET', path: '/sign-in/two-factor', can: anyone, query: next },
  secondStep: { method: 'POST', path: '/sign-in/two-factor', can: anyone, config: guarded(10) },
  personOffPage: { method: 'GET', path: '/people/:person/two-factor/disable', can: 'people.manage' },
  personOff: { method: 'POST', path: '/people/:person/two-factor/disable', can: 'people.manage' },
  settings: { method: 'GET', path: '/people/sign-in-security', can: 'people.manage' },
  saveSettings: { method: 'POST', path: '/people/sign-in-security', can: 'people.manage' },
});
