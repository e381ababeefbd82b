// Core events reach a live window and are dropped, without throwing, when the window or its page is gone.
import { describe, expect, it } from 'vitest'
import { sendToWindow } from '../../../src/main/shell/window-events'
import { FakeWindow } from './fake-electron'

describe('events to the window', () => {
  it('reach a live window', () => {
    const win = new FakeWindow()
    expect(sendToWindow(win, 'inspector:event', { event: 'x' })).toBe(true)
    expect(win.sent).toEqual([['inspector:event', { event: 'x' }]])
  })

  it('are dropped with no window, a destroyed window, a destroyed page, or a page that goes away during the send', () => {
    expect(sendToWindow(null, 'c', 1)).toBe(false)
    const closed = new FakeWindow()
    closed.destroyed = true
    const pageGone = new FakeWindow()
    pageGone.webContents.destroyed = true
    const disposing = new FakeWindow()
    disposing.webContents.throws = true
    for (const w of [closed, pageGone, disposing]) {
      expect(sendToWindow(w, 'c', 1)).toBe(false)
      expect(w.sent).toEqual([])
    }
  })
})
