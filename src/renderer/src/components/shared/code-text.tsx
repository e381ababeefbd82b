import { Fragment } from 'react'

/** A message from the core or the server, with its `backticked` parts shown as code instead of literal backticks. */
export function CodeText({ text }: { text: string }) {
  const parts = text.split('`')
  // An odd count of backticks leaves the text as it is.
  if (parts.length % 2 === 0) return <>{text}</>
  return (
    <>
      {parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : <Fragment key={i}>{part}</Fragment>))}
    </>
  )
}
