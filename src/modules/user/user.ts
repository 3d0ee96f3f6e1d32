/**
 * @module modules/user/user
 * Accounts: domain types, input validation and the errors the user services throw.
 * Validation takes `unknown` so wrong types from a form or JSON body get a message, not a crash.
 */
import { AppError } from '../../lib/errors.js';
import type { UserRow, UserStatus } from '../../db/schema.js';
import { passwordProblem } from './password.js';
import { isRole, ROLES, ROLE_LABELS, type Role } from './permissions.js';

export type { Role, UserRow, UserStatus };

export const EMAIL_MAX_LENGTH = 254;
export const NAME_MAX_LENGTH = 100;

/** The user as the rest of the app sees them: never the password hash. */
export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  status: UserStatus;
  createdAt: string;
  lastLoginAt: string | null;
}

export const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  status: row.status,
  createdAt: row.created_at,
  lastLoginAt: row.last_login_at,
});

/** Who performed an action, for the audit log: a signed-in user, or the command line. */
export interface Actor {
  id: number | null;
  /** Email of the user, or "cli". */
  label: string;
  ip: string;
}

export const cliActor: Actor = { id: null, label: 'cli', ip: '' };

/** Field name → message, in form order. */
export type FieldErrors = Partial<Record<'email' | 'name' | 'role' | 'current' | 'password' | 'confirm' | 'form', string>>;

export type UserErrorCode = 'USER_INVALID' | 'USER_EMAIL_TAKEN' | 'USER_NOT_FOUND' | 'USER_FORBIDDEN' | 'SETUP_CLOSED';

export class UserError extends AppError<UserErrorCode> {
  constructor(
    code: UserErrorCode,
    message: string,
    public readonly fields: FieldErrors = {},
  ) {
    super(code, message);
  }
}

// Control characters, and characters that only ever appear in names as markup.
const BAD_NAME_CHARS = /[\p{Cc}\p{Cf}<>]/u;
const EMAIL = /^[^\s@<>()[\]\\,;:"']+@[^\s@<>()[\]\\,;:"'.]+(\.[^\s@<>()[\]\\,;:"'.]+)+$/u;

/** Lower-cased, trimmed email, or undefined when it is not a plausible address. */
export function normalizeEmail(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const email = raw.trim().toLowerCase();
  if (email.length === 0 || email.length > EMAIL_MAX_LENGTH || /\p{Cc}/u.test(email) || !EMAIL.test(email)) return undefined;
  return email;
}

export function emailProblem(raw: unknown): string | undefined {
  if (raw === undefined || raw === '') return 'Enter an email address.';
  if (typeof raw !== 'string') return 'The email address must be text.';
  if (raw.trim().length > EMAIL_MAX_LENGTH) return `An email address has at most ${EMAIL_MAX_LENGTH} characters.`;
  return normalizeEmail(raw) ? undefined : 'Enter an email address like name@example.com.';
}

export function nameProblem(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return raw === undefined ? 'Enter a name.' : 'The name must be text.';
  const name = raw.trim();
  if (name === '') return 'Enter a name.';
  if ([...name].length > NAME_MAX_LENGTH) return `A name has at most ${NAME_MAX_LENGTH} characters.`;
  if (BAD_NAME_CHARS.test(name)) return 'A name cannot contain < or > or control characters.';
  return undefined;
}

export function roleProblem(raw: unknown): string | undefined {
  return isRole(raw) ? undefined : `Choose a role: ${ROLES.map((r) => ROLE_LABELS[r]).join(', ')}.`;
}

export interface NewUserInput {
  email: unknown;
  name: unknown;
  role: unknown;
  password: unknown;
  /** When given (forms), must equal password. */
  confirm?: unknown;
}

export interface ValidNewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
}

/**
 * Checks every field and returns all problems at once (forms show them together).
 * @example validateNewUser({ email: 'a@b.co', name: 'A', role: 'author', password: 'x' }).errors.password
 */
export function validateNewUser(input: NewUserInput): { value?: ValidNewUser; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const name = nameProblem(input.name);
  if (name) errors.name = name;
  const email = emailProblem(input.email);
  if (email) errors.email = email;
  const role = roleProblem(input.role);
  if (role) errors.role = role;
  const password = passwordProblem(input.password);
  if (password) errors.password = password;
  else if (input.confirm !== undefined && input.confirm !== input.password) errors.confirm = 'The two passwords do not match.';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    value: { email: normalizeEmail(input.email)!, name: (input.name as string).trim(), role: input.role as Role, password: input.password as string },
    errors,
  };
}
