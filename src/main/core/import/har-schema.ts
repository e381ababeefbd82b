// What a HAR 1.2 file (http://www.softwareishard.com/blog/har-12-spec/) must hold for the inspector to import an
// entry, checked with zod instead of casts. Only the fields the import reads are required; tools differ in the
// rest (DevTools, Proxyman, HTTP Toolkit and this app's own export all write more), so unknown fields pass.
import type { Header } from 'har-format'
import { z } from 'zod'

const header = z.object({ name: z.string(), value: z.string() }) satisfies z.ZodType<Pick<Header, 'name' | 'value'>>

export const harEntrySchema = z.object({
  _id: z.string().optional(),
  startedDateTime: z.string().optional(),
  request: z.object({
    method: z.string().optional(),
    url: z.string(),
    headers: z.array(header).default([]),
    postData: z.object({ mimeType: z.string().optional(), text: z.string().optional() }).optional()
  }),
  response: z
    .object({
      // HAR writes status 0 (and often nothing else) for a request that got no response.
      status: z.number(),
      statusText: z.string().default(''),
      headers: z.array(header).default([]),
      content: z.object({ text: z.string().optional(), encoding: z.string().optional() }).default({})
    })
    .optional()
})

export type HarEntryInput = z.infer<typeof harEntrySchema>

export const harLogSchema = z.object({ entries: z.array(z.unknown()) })

/** The first problem zod found, as a person reads it: "request.url: expected string". */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  return issue ? `${issue.path.join('.') || 'entry'}: ${issue.message}` : 'not a HAR entry'
}
