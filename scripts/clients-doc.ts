// Writes docs/clients.md from the client catalogue (src/main/core/clients); test/unit/docs/clients-doc.test.ts
// fails when the file is stale.
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { clientsMarkdown } from '../src/main/core/clients/known-issues/present'

const out = resolve(import.meta.dirname, '../docs/clients.md')
writeFileSync(out, clientsMarkdown())
console.log(`wrote ${out}`)
