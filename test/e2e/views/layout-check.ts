// Generic checks for any view, run in the page: nothing the user needs is cut off or unreadable.
// - no text runs past the window's right edge;
// - no text is cut by a box that hides overflow, unless the cut is a deliberate ellipsis (text-overflow or
//   line-clamp) — text in a scrollable box is not cut, it scrolls;
// - no control (button, input, select, link, tab) is off-screen or clipped;
// - no text is smaller than 12 px.
// Elements marked data-layout-ignore (with a reason in the code) and everything inside them are skipped.
import type { Page } from '@playwright/test'

export const MIN_FONT_PX = 12

export interface LayoutProblem {
  kind: 'past-right-edge' | 'cut-text' | 'control-off-screen' | 'small-text' | 'scrolls-sideways'
  what: string
  detail: string
}

/** Runs in the page; must not close over anything. */
function findProblems(minFont: number): LayoutProblem[] {
  const problems: LayoutProblem[] = []
  const vw = document.documentElement.clientWidth
  const vh = document.documentElement.clientHeight
  const describe = (el: Element): string => {
    const id = el.closest('[data-testid]')?.getAttribute('data-testid')
    const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : ''
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)
    return `${el.tagName.toLowerCase()}${cls}${id ? ` in [${id}]` : ''} "${text}"`
  }
  const visible = (el: Element): boolean => {
    for (let a: Element | null = el; a; a = a.parentElement) {
      const s = getComputedStyle(a)
      if (s.display === 'none' || s.visibility === 'hidden' || s.opacity === '0') return false
      if (a.hasAttribute('data-layout-ignore') || a.getAttribute('aria-hidden') === 'true') return false
      if (a.tagName === 'DETAILS' && !(a as HTMLDetailsElement).open && a !== el && !el.closest('summary')) return false
    }
    return true
  }
  type Box = { left: number; top: number; right: number; bottom: number }
  const inter = (a: Box, b: Box): Box => ({ left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) })
  /** The padding box of an element that clips, in client coordinates. */
  const clipBox = (el: Element): Box => {
    const r = el.getBoundingClientRect()
    const s = getComputedStyle(el)
    const bl = parseFloat(s.borderLeftWidth), bt = parseFloat(s.borderTopWidth)
    const left = r.left + bl, top = r.top + bt
    return { left, top, right: left + (el as HTMLElement).clientWidth, bottom: top + (el as HTMLElement).clientHeight }
  }
  // text-overflow only draws an ellipsis for inline content: a flex or grid box cuts its items bare.
  const ellipsized = (s: CSSStyleDeclaration): boolean =>
    (s.textOverflow === 'ellipsis' && !/flex|grid/.test(s.display)) || (s.webkitLineClamp !== 'none' && s.webkitLineClamp !== '')
  const scrolls = (v: string): boolean => v === 'auto' || v === 'scroll'
  const clips = (v: string): boolean => v !== 'visible'
  const seenCut = new Set<Element>()

  /**
   * Follows a box up through its ancestors: a scrolling ancestor trims it (the rest is reachable), a hiding one
   * cuts it (reported, unless the hiding box itself ellipsizes). Returns what is left on screen.
   */
  const follow = (el: Element, box: Box, onCut: (by: Element, axis: string) => void): Box => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a)
      if (s.position === 'fixed') break
      const cb = clipBox(a)
      if (clips(s.overflowX)) {
        if (!scrolls(s.overflowX) && (box.right > cb.right + 1 || box.left < cb.left - 1) && box.left < cb.right && !ellipsized(s)) onCut(a, 'x')
        box = { ...box, left: Math.max(box.left, cb.left), right: Math.min(box.right, cb.right) }
      }
      if (clips(s.overflowY)) {
        if (!scrolls(s.overflowY) && box.bottom > cb.bottom + 2 && box.top < cb.bottom - 2 && !ellipsized(s)) onCut(a, 'y')
        box = { ...box, top: Math.max(box.top, cb.top), bottom: Math.min(box.bottom, cb.bottom) }
      }
      if (box.right <= box.left || box.bottom <= box.top) return box
    }
    return box
  }

  const all = document.body.querySelectorAll('*')
  for (const el of all) {
    if (el instanceof SVGElement || el.closest('svg')) continue
    const textNodes = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '')
    const isControl = el.matches('button, input:not([type=hidden]), select, textarea, a[href], [role=tab], [role=button], summary')
    const sx = getComputedStyle(el).overflowX
    if (scrolls(sx) && el.scrollWidth > el.clientWidth + 1 && !el.closest('[data-scroll-x]') && visible(el))
      problems.push({ kind: 'scrolls-sideways', what: describe(el), detail: `content ${el.scrollWidth} px wide in ${el.clientWidth} px` })
    if (textNodes.length === 0 && !isControl) continue
    if (!visible(el)) continue
    const s = getComputedStyle(el)
    const r = el.getBoundingClientRect()
    if (r.width < 2 || r.height < 2) continue

    if (textNodes.length) {
      if (parseFloat(s.fontSize) < minFont - 0.01) problems.push({ kind: 'small-text', what: describe(el), detail: `${s.fontSize}` })
      const range = document.createRange()
      let box: Box | null = null
      for (const n of textNodes) {
        range.selectNodeContents(n)
        for (const rr of range.getClientRects()) {
          if (rr.width === 0) continue
          box = box ? { left: Math.min(box.left, rr.left), top: Math.min(box.top, rr.top), right: Math.max(box.right, rr.right), bottom: Math.max(box.bottom, rr.bottom) } : { left: rr.left, top: rr.top, right: rr.right, bottom: rr.bottom }
        }
      }
      if (box) {
        // The element's own box: an ellipsis is deliberate, a scroller is fine, anything else hiding is a cut.
        if (clips(s.overflowX) || clips(s.overflowY)) {
          const own = clipBox(el)
          const cutX = clips(s.overflowX) && !scrolls(s.overflowX) && (el as HTMLElement).scrollWidth > (el as HTMLElement).clientWidth + 1
          const cutY = clips(s.overflowY) && !scrolls(s.overflowY) && (el as HTMLElement).scrollHeight > (el as HTMLElement).clientHeight + 2
          if ((cutX || cutY) && !ellipsized(s)) problems.push({ kind: 'cut-text', what: describe(el), detail: `its own box hides ${cutX ? 'width' : 'height'} without an ellipsis` })
          box = { ...box, left: clips(s.overflowX) ? Math.max(box.left, own.left) : box.left, right: clips(s.overflowX) ? Math.min(box.right, own.right) : box.right, top: clips(s.overflowY) ? Math.max(box.top, own.top) : box.top, bottom: clips(s.overflowY) ? Math.min(box.bottom, own.bottom) : box.bottom }
        }
        const shown = follow(el, box, (by, axis) => {
          if (seenCut.has(el)) return
          seenCut.add(el)
          problems.push({ kind: 'cut-text', what: describe(el), detail: `cut (${axis}) by ${describe(by)}` })
        })
        if (shown.right > vw + 1 && shown.left < vw) problems.push({ kind: 'past-right-edge', what: describe(el), detail: `right edge at ${Math.round(shown.right)} px, window ${vw} px` })
      }
    }

    if (isControl) {
      let clipped = false
      const shown = follow(el, { left: r.left, top: r.top, right: r.right, bottom: r.bottom }, () => (clipped = true))
      const offX = shown.right > vw + 1 || shown.left < -1
      const offY = shown.bottom > vh + 1
      const gone = shown.right - shown.left < 1 || shown.bottom - shown.top < 1
      // Scrolled out of a scroller vertically is fine (reachable); cut, off the window or squeezed to nothing is not.
      const inScroller = (() => {
        for (let a = el.parentElement; a; a = a.parentElement) if (scrolls(getComputedStyle(a).overflowY)) return true
        return false
      })()
      if (clipped || offX || (offY && !inScroller) || (gone && !inScroller))
        problems.push({ kind: 'control-off-screen', what: describe(el), detail: `at ${Math.round(r.left)}..${Math.round(r.right)} × ${Math.round(r.top)}..${Math.round(r.bottom)}, window ${vw}×${vh}${clipped ? ', clipped by an ancestor' : ''}` })
    }
  }
  if (document.documentElement.scrollWidth > vw + 1) problems.push({ kind: 'past-right-edge', what: 'the page', detail: `scrollWidth ${document.documentElement.scrollWidth} > ${vw}` })
  return problems
}

export async function layoutProblems(page: Page): Promise<LayoutProblem[]> {
  // Two frames: resize observers and the virtual lists settle after a resize.
  await page.evaluate(() => new Promise<void>((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok()))))
  // tsx (the screenshot script) compiles with keepNames, which calls a global __name inside the function.
  await page.evaluate('globalThis.__name ??= (f) => f')
  return page.evaluate(findProblems, MIN_FONT_PX)
}

export const formatProblems = (problems: LayoutProblem[]): string => problems.map((p) => `${p.kind}: ${p.what} — ${p.detail}`).join('\n')
