// Chromium's profile and the data folder are kept apart: the data folder holds the product's files only.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { keepProfileOutOfDataDir } from '../../../src/main/shell/chromium-profile'
import { defaultDataDir } from '../../../src/main/core/paths'
import { FakeApp } from './fake-electron'

describe('Chromium profile folder', () => {
  it("stays in Electron's default userData when that is not the data folder", () => {
    const app = new FakeApp('/home/u/.config/MiMo Inspector')
    expect(keepProfileOutOfDataDir(app, '/home/u/.config/mimo-inspector')).toBe('/home/u/.config/MiMo Inspector')
    expect(app.getPath('userData')).toBe('/home/u/.config/MiMo Inspector')
  })

  it('moves beside the data folder when the default userData is the data folder', () => {
    const app = new FakeApp('/home/u/.config/mimo-inspector')
    expect(keepProfileOutOfDataDir(app, '/home/u/.config/mimo-inspector/')).toBe('/home/u/.config/mimo-inspector-chromium')
    expect(app.getPath('userData')).toBe('/home/u/.config/mimo-inspector-chromium')
  })

  it('moves when the default userData is inside the data folder', () => {
    const app = new FakeApp('/data/inspector/MiMo Inspector')
    expect(keepProfileOutOfDataDir(app, '/data/inspector')).toBe('/data/inspector-chromium')
  })

  it('a data folder inside the profile folder, or one whose name only starts the same, leaves the profile alone', () => {
    expect(keepProfileOutOfDataDir(new FakeApp('/p/MiMo Inspector'), '/p/MiMo Inspector/data')).toBe('/p/MiMo Inspector')
    expect(keepProfileOutOfDataDir(new FakeApp('/p/mimo-inspector-x'), '/p/mimo-inspector')).toBe('/p/mimo-inspector-x')
  })

  it("the product name keeps Electron's default userData apart from the default data folder", async () => {
    // Electron names the default userData after package.json's productName (else its name).
    const pkg = (await import('../../../package.json', { with: { type: 'json' } })).default as { name: string; productName?: string }
    const home = '/home/u'
    const userData = join(home, '.config', pkg.productName ?? pkg.name)
    const dataDir = defaultDataDir({ XDG_CONFIG_HOME: join(home, '.config') }, 'linux')
    expect(userData).not.toBe(dataDir)
  })
})
