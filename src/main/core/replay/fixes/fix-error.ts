// Why a fix could not be applied, in one line the UI shows as is. `fixId` lets the UI tell a fix that is
// not a body change (use-matching-base-url) from a failure.
export class FixError extends Error {
  override readonly name = 'FixError'

  constructor(
    message: string,
    readonly fixId: string | null = null
  ) {
    super(message)
  }
}
