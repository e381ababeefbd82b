// Renders resources/icon.svg into the icon files the window and the packages need, and writes them into
// resources/ (committed; run again after changing the SVG: `npm run icons`):
//   icon.png            1024 px, the window icon and the source for anything else
//   icons/NxN.png       16…1024 px, the Linux icon set (AppImage, deb; electron-builder's linux.icon)
//   icon.ico            16…256 px, Windows (NSIS, the exe)
//   icon.icns           16…1024 px, macOS (dmg, the app bundle)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Resvg } from '@resvg/resvg-js'
import png2icons from 'png2icons'

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const

export function renderPng(svg: string, size: number): Buffer {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng())
}

export function makeIcons(dir: string): string[] {
  const svg = readFileSync(join(dir, 'icon.svg'), 'utf8')
  const written: string[] = []
  const write = (name: string, data: Buffer): void => {
    writeFileSync(join(dir, name), data)
    written.push(name)
  }
  const master = renderPng(svg, 1024)
  write('icon.png', master)
  mkdirSync(join(dir, 'icons'), { recursive: true })
  for (const size of LINUX_SIZES) write(`icons/${size}x${size}.png`, size === 1024 ? master : renderPng(svg, size))
  // BICUBIC2 keeps the small sizes sharp; the ico holds PNG-compressed images (Vista and later read them).
  const ico = png2icons.createICO(master, png2icons.BICUBIC2, 0, true, true)
  const icns = png2icons.createICNS(master, png2icons.BICUBIC2, 0)
  if (!ico || !icns) throw new Error('png2icons could not convert icon.png')
  write('icon.ico', ico)
  write('icon.icns', icns)
  return written
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const written = makeIcons(join(import.meta.dirname, '..', 'resources'))
  console.log(`resources/: ${written.join(', ')}`)
}
