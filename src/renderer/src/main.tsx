import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
// Tokens, base, cross-feature patterns and the shared pieces first; each feature's CSS, imported by its
// components, comes after and wins ties.
import './styles/tokens.css'
import './styles/base.css'
import './styles/common.css'
import './components/shared/shared.css'
import { App } from './components/shell/app'
import { startBridge } from './bridge/start'
import { useAppStore } from './store/app-store'

const root = document.getElementById('root') as HTMLElement

// Tests wait on data-app-state="ready" on the root element; keep it in step with the store.
const reflectAppState = (state: string): void => root.setAttribute('data-app-state', state)
reflectAppState(useAppStore.getState().appState)
useAppStore.subscribe((s, prev) => {
  if (s.appState !== prev.appState) reflectAppState(s.appState)
})

startBridge()

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>
)
