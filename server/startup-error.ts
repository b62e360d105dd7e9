/**
 * A reason the server cannot start that the operator can fix: a dependency that cannot be
 * reached, a port in use. The entry point prints its message as one line, without a stack.
 */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'StartupError'
  }
}
