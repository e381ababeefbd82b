import './messages.css'
/** A block's place: `#2` in a response message, or where it sits in the request body (`content[2]`) on the timeline. */
export function BlockIndex({ index }: { index: number | string }) {
  return <span className="block-index">{typeof index === 'number' ? `#${index}` : index}</span>
}
