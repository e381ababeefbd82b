// One app per user: the second launch hands over to the first, which shows its window, and quits; the
// first's data folder is never touched by the second.
import { describe, expect, it } from 'vitest'
import { claimSingleInstance, revealWindow } from '../../../src/main/shell/single-instance'
import { tempDataDir } from '../../integration/stack'
import { FakeApp, FakeWindow } from './fake-electron'

describe('single instance', () => {
  it('a second launch focuses the running window (restored when minimized) and quits', () => {
    const profile = tempDataDir()
    const first = new FakeApp(profile)
    const win = new FakeWindow()
    win.minimized = true
    expect(claimSingleInstance(first, () => revealWindow(win))).toBe(true)

    const second = new FakeApp(profile)
    let secondStarted = false
    expect(claimSingleInstance(second, () => (secondStarted = true))).toBe(false)
    expect(second.exited).toBe(true)
    expect(secondStarted).toBe(false)
    expect(win.calls).toEqual(['restore', 'show', 'focus'])
    expect(first.exited).toBe(false)
  })

  it('with no window left (macOS keeps the app running) the running app is told, so it can open one', () => {
    const profile = tempDataDir()
    const first = new FakeApp(profile)
    let opened = 0
    const win = new FakeWindow()
    win.destroyed = true
    claimSingleInstance(first, () => {
      if (!revealWindow(win)) opened++
    })
    claimSingleInstance(new FakeApp(profile), () => {})
    expect(opened).toBe(1)
    expect(win.calls).toEqual([])
  })

  it('launches with separate profile folders do not block each other', () => {
    expect(claimSingleInstance(new FakeApp(tempDataDir()), () => {})).toBe(true)
    expect(claimSingleInstance(new FakeApp(tempDataDir()), () => {})).toBe(true)
  })
})
