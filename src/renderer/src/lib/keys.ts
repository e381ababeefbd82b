/** True when a key press belongs to a form field (typing), so single-key shortcuts must leave it alone. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  return !!el?.closest?.('input, textarea, select, [contenteditable=""], [contenteditable="true"]')
}

export const hasModifier = (e: KeyboardEvent | React.KeyboardEvent): boolean => e.altKey || e.ctrlKey || e.metaKey
