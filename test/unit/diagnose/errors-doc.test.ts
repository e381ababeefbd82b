// docs/errors.md is generated from the dialect table; it must say what the table says.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ERRORS_DOC, renderErrorsDoc } from '../../../scripts/errors-doc'
import { ERROR_DIALECTS, WRAPPER_DIALECTS } from '../../../src/main/core/diagnose/dialects'

describe('docs/errors.md', () => {
  it('is up to date with the dialect table (run `npm run docs:errors`)', () => {
    expect(readFileSync(ERRORS_DOC, 'utf8')).toBe(renderErrorsDoc())
  })

  it('lists every row by its id', () => {
    const doc = renderErrorsDoc()
    for (const d of [...ERROR_DIALECTS, ...WRAPPER_DIALECTS]) expect(doc).toContain(`\`${d.id}\``)
  })
})
