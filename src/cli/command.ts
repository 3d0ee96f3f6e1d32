/** A `broadsheet` sub-command. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Returns the exit code. */
  run(args: string[]): Promise<number>;
}

/** Bad arguments: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}
