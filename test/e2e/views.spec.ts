// Every view (views/views.ts) at 800 to 2560 px: nothing cut off, nothing past the window's edge, no control
// off-screen, no text under 12 px (views/layout-check.ts), and no colour-contrast violation (axe-core, WCAG AA).
// The scenes run once per worker; views that change state (replay, proxy mode) come last in the list.
import { test as base, expect } from '@playwright/test'
import { contrastViolations, formatContrast } from './views/contrast-check'
import { formatProblems, layoutProblems } from './views/layout-check'
import { startScene, type Scene, type SceneKind } from './views/scene'
import { releaseHeldPort, VIEWS } from './views/views'

export const WIDTHS = [800, 1024, 1280, 1440, 2560]
/** Contrast does not change with the width, but what is shown does (the header's menu, the docked panel). */
const CONTRAST_WIDTHS = new Set([800, 1440])
const HEIGHT = 900

const test = base.extend<{}, { scenes: (kind: SceneKind) => Promise<Scene> }>({
  scenes: [
    async ({}, use) => {
      const started = new Map<SceneKind, Promise<Scene>>()
      await use((kind) => {
        if (!started.has(kind)) started.set(kind, startScene(kind))
        return started.get(kind)!
      })
      for (const s of started.values()) await (await s).close()
      await releaseHeldPort()
    },
    { scope: 'worker', timeout: 120_000 }
  ]
})

test.describe.configure({ mode: 'serial' })

for (const view of VIEWS)
  test(`${view.name}: holds from ${WIDTHS[0]} to ${WIDTHS.at(-1)} px and reads at AA contrast`, async ({ page, scenes }) => {
    test.setTimeout(120_000)
    const scene = await scenes(view.scene)
    await page.setViewportSize({ width: 1280, height: HEIGHT })
    await view.open(page, scene)
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: HEIGHT })
      // Polled: a resize settles over a few frames (resize observers, the virtual lists measuring their rows).
      await expect.poll(async () => formatProblems(await layoutProblems(page)), { message: `layout at ${width} px` }).toBe('')
      if (CONTRAST_WIDTHS.has(width)) expect(formatContrast(await contrastViolations(page)), `contrast at ${width} px`).toBe('')
    }
  })
