import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './components/shell/app'
import { startBridge } from './bridge/start'
import { useAppStore } from './store/app-store'
import './styles.css'

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
