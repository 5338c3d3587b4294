import Type from 'typebox';

/** The longest person name any form accepts: one limit for inviting, accepting and editing. */
export const PERSON_NAME_MAX_LENGTH = 120;

/** Emails: trimmed, at most 254 characters (RFC 5321), a plausible shape. */
const emailField = (title: string, errorMessage: string) =>
  Type.String({ format: 'email', maxLength: 254, title, errorMessage });

/** A person's name as shown to others. Without an error message, the form's generic one names the field. */
const personNameField = (title: string, errorMessage?: string) =>
  Type.String({ minLength: 1, maxLength: PERSON_NAME_MAX_LENGTH, title, ...(errorMessage ? { errorMessage } : {}) });

/**
 * The email and name that identify a person, with each form's own labels.
 * Every form that creates or names a person uses these, so a name one form
 * accepts is never refused by the next.
 */
export function personFields(labels: { email: string; emailError: string; name: string; nameError?: string }) {
  return { email: emailField(labels.email, labels.emailError), name: personNameField(labels.name, labels.nameError) };
}

export const EmailField = emailField('accounts.field.email', 'accounts.error.email');

/** New passwords: long enough to resist guessing, short enough to hash cheaply. */
export const NewPasswordField = Type.String({
  minLength: 10,
  maxLength: 200,
  title: 'accounts.field.newPassword',
  errorMessage: 'accounts.error.newPassword',
});

/** The repeat of a new password; whether it matches is checked by `checkConfirmation`. */
export const ConfirmPasswordField = Type.String({
  minLength: 1,
  maxLength: 200,
  title: 'accounts.field.confirmPassword',
  errorMessage: 'accounts.error.confirmPassword',
});

export const NameField = personNameField('accounts.field.name', 'accounts.error.name');

export const SignInForm = Type.Object({
  email: EmailField,
  password: Type.String({ minLength: 1, maxLength: 200, title: 'accounts.field.password', errorMessage: 'accounts.error.password' }),
  next: Type.Optional(Type.String({ maxLength: 500 })),
});

export const ForgotPasswordForm = Type.Object({
  email: EmailField,
});

export const ResetPasswordForm = Type.Object({
  newPassword: NewPasswordField,
  confirmPassword: ConfirmPasswordField,
});

export const InvitationForm = Type.Object({
  name: NameField,
  newPassword: NewPasswordField,
  confirmPassword: ConfirmPasswordField,
});

export const SetupForm = Type.Object({
  name: NameField,
  email: EmailField,
  newPassword: NewPasswordField,
  confirmPassword: ConfirmPasswordField,
});

export const ChangePasswordForm = Type.Object({
  currentPassword: Type.String({
    minLength: 1,
    maxLength: 200,
    title: 'accounts.field.currentPassword',
    errorMessage: 'accounts.error.currentPassword',
  }),
  newPassword: NewPasswordField,
  confirmPassword: ConfirmPasswordField,
});

export const ProfileForm = Type.Object({
  name: NameField,
  locale: Type.Union([Type.Literal('en'), Type.Literal('es')], {
    title: 'accounts.field.locale',
    errorMessage: 'accounts.error.locale',
  }),
  // Whether the name is a real IANA zone is checked against the runtime's list in the route.
  timeZone: Type.String({
    minLength: 1,
    maxLength: 64,
    title: 'accounts.field.timeZone',
    errorMessage: 'accounts.error.timeZone',
  }),
});

export const RevokeSessionForm = Type.Object({
  session: Type.String({ minLength: 1, maxLength: 100, title: 'accounts.field.session' }),
});

/** A code from an authenticator app, or a recovery code with its dash. */
const CodeField = Type.String({
  minLength: 1,
  maxLength: 40,
  title: 'accounts.twoFactor.field.code',
  errorMessage: 'accounts.twoFactor.error.code',
});

/** The code that confirms an authenticator app during setup. */
export const TwoFactorConfirmForm = Type.Object({ code: CodeField });

/** The second step of sign-in: a code, and where to go afterwards. */
export const SecondStepForm = Type.Object({
  code: CodeField,
  next: Type.Optional(Type.String({ maxLength: 500 })),
});

/** The password again, for turning two-step sign-in off or making new recovery codes. */
export const PasswordAgainForm = Type.Object({
  password: Type.String({
    minLength: 1,
    maxLength: 200,
    title: 'accounts.twoFactor.field.password',
    errorMessage: 'accounts.twoFactor.error.password',
  }),
});

/** The roles an admin requires two-step sign-in for; none is a valid answer. */
export const RequiredRolesForm = Type.Object({
  roles: Type.Array(Type.Union([Type.Literal('admin'), Type.Literal('coach'), Type.Literal('staff')]), {
    maxItems: 3,
    title: 'accounts.twoFactor.settings.roles',
    errorMessage: 'accounts.twoFactor.settings.error',
  }),
});
