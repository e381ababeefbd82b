import { useEffect } from 'react'
import { jumpToCulprit } from '../../bridge/analysis-actions'
import { stepRequest } from '../../bridge/conversation-actions'
import { selectTab } from '../../bridge/detail-actions'
import { dismissImport } from '../../bridge/import-actions'
import { setMainView } from '../../bridge/view-actions'
import { hasModifier, isTypingTarget } from '../../lib/keys'
import { useAppStore } from '../../store/app-store'

/**
 * Shortcuts that work anywhere outside form fields: 1 / 2 switch the main view, [ / ] step through the open
 * conversation's requests, n jumps to the culprit, Esc dismisses the import result first. (The lists keep their
 * own j / k / Enter / Esc.)
 */
export function useGlobalKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // `?` is Shift+/ on most layouts: Shift is no modifier here.
      if (hasModifier(e) || isTypingTarget(e.target)) return
      const s = useAppStore.getState()
      if (s.appState !== 'ready') return
      switch (e.key) {
        case '?':
          s.setHelpOpen(!s.helpOpen)
          break
        case '1':
          setMainView('exchanges')
          break
        case '2':
          setMainView('conversations')
          break
        case '[':
        case ']':
          if (s.mainView !== 'conversations' || s.conversationId === null) return
          stepRequest(e.key === ']' ? 1 : -1)
          break
        case 'n':
          if (s.mainView === 'exchanges' && s.openId !== null && s.tab !== 'diagnosis') selectTab('diagnosis')
          else if (!jumpToCulprit()) return
          break
        case 'Escape':
          // Runs first (capture); the lists' Esc must not also close a panel under the toast.
          if (s.importState.status !== 'done' && s.importState.status !== 'error') return
          dismissImport()
          e.stopPropagation()
          break
        default:
          return
      }
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [])
}
