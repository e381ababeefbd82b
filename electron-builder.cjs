// Packaging (`npm run dist`, electron-builder): AppImage and deb for Linux, dmg for macOS, NSIS for Windows.
// The app is the built output only (out/main, out/preload, out/renderer) plus the window icon; electron-builder
// adds the production dependencies (never devDependencies). test/integration/packaging.test.ts checks this
// file and, offline, the app folder electron-builder assembles from it.
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'io.github.mimo-inspector',
  productName: 'MiMo Inspector',
  copyright: 'MIT License',
  directories: { output: 'dist', buildResources: 'build-resources' },
  files: ['package.json', 'out/main/**', 'out/preload/**', 'out/renderer/**', 'resources/icon.png', '!**/*.map'],
  // Worker threads cannot load a script from inside the asar: the self-contained persist worker is put
  // beside it (app.asar.unpacked/out/main/), where src/main/core/capture/worker-file.ts looks for it.
  asarUnpack: ['out/main/persist-worker.js'],
  linux: {
    target: ['AppImage', 'deb'],
    // No space in the binary's name: the .deb's AppArmor profile names it (electron-builder#9230).
    executableName: 'mimo-inspector',
    icon: 'resources/icons',
    category: 'Development',
    synopsis: 'Find out why an LLM endpoint answered 400',
    maintainer: 'MiMo Inspector'
  },
  mac: {
    target: 'dmg',
    icon: 'resources/icon.icns',
    category: 'public.app-category.developer-tools'
  },
  win: {
    target: 'nsis',
    icon: 'resources/icon.ico'
  },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true },
  publish: null
}
