// Why a timeline edit could not be applied (index out of range, body not JSON), in one line.
export class EditError extends Error {
  override readonly name = 'EditError'
}
