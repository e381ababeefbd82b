// docs/clients.md is generated from the catalogue (`npm run docs:clients`); it must not drift from it.
import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { clientsMarkdown } from '../../../src/main/core/clients/known-issues/present'

it('docs/clients.md is up to date (run `npm run docs:clients`)', () => {
  const onDisk = readFileSync(new URL('../../../docs/clients.md', import.meta.url), 'utf8')
  expect(onDisk).toBe(clientsMarkdown())
})
