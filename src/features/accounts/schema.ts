import Type from 'typebox';

/** Emails: trimmed, at most 254 characters (RFC 5321), a plausible shape. */
export const EmailField = Type.String({
  format: 'email',
  maxLength: 254,
  title: 'accounts.field.email',
  errorMessage: 'accounts.error.email',
});

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

/** A person's name as shown to others. */
export const NameField = Type.String({
  minLength: 1,
  maxLength: 120,
  title: 'accounts.field.name',
  errorMessage: 'accounts.error.name',
});

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
