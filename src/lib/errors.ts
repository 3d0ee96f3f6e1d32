/**
 * @module lib/errors
 * The one base error type. Every error a use case refuses with carries a stable code (its
 * module's code union, e.g. ArticleErrorCode); the web layer maps codes to HTTP statuses in one
 * table (web/errors.ts), the CLI to exit codes; messages are for people, codes for programs.
 */
export class AppError<C extends string = string> extends Error {
  /** For a refusal that will pass (the server is busy): seconds to wait before trying again. */
  retryAfterSeconds?: number;

  constructor(
    public readonly code: C,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
