// Files the built main process (out/main/index.js) loads, relative to its folder. The same relative paths hold
// in the project (`npm start`) and inside the packaged app's asar; test/integration/packaging.test.ts checks
// each one in the built output and in the packaged app folder.
export const APP_FILES = {
  preload: '../preload/index.cjs',
  renderer: '../renderer/index.html',
  /** The window's icon (Linux, Windows); the packaged app's own icon comes from electron-builder. */
  icon: '../../resources/icon.png'
} as const
