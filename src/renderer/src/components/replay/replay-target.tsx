import type { UpstreamProfileId } from '@shared/types'
import { setEditorTarget } from '../../bridge/replay-editor-actions'
import type { TargetChoice } from '../../lib/replay-target'
import { useAppStore } from '../../store/app-store'
import type { ReplayEditor } from '../../store/replay-slice'
import './replay.css'

/** The target picker: the request's own upstream, a profile, or a custom base URL. */
export function TargetPicker({ value, onChange, original, testId }: { value: TargetChoice; onChange: (t: TargetChoice) => void; original: string; testId: string }) {
  const profiles = useAppStore((s) => s.proxy?.profiles ?? [])
  const selected = value.kind === 'original' ? 'original' : value.kind === 'custom' ? 'custom' : value.profile
  return (
    <>
      <select
        className="input replay-target"
        data-testid={testId}
        value={selected}
        title={value.kind === 'original' ? original : undefined}
        onChange={(e) => {
          const v = e.target.value
          if (v === 'original') onChange({ kind: 'original' })
          else if (v === 'custom') onChange({ kind: 'custom', url: value.kind === 'custom' ? value.url : '' })
          else onChange({ kind: 'profile', profile: v as UpstreamProfileId })
        }}
      >
        <option value="original">original upstream{original ? ` (${hostOf(original)})` : ''}</option>
        {profiles
          .filter((p) => p.id !== 'custom')
          .map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        <option value="custom">custom URL…</option>
      </select>
      {value.kind === 'custom' && (
        <input
          className="input mono replay-target-url"
          data-testid={`${testId}-url`}
          type="url"
          placeholder="https://host/base (the request's path is kept)"
          value={value.url}
          spellCheck={false}
          onChange={(e) => onChange({ kind: 'custom', url: e.target.value })}
        />
      )}
    </>
  )
}

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}

export function ReplayTargetSelect({ editor }: { editor: ReplayEditor }) {
  return (
    <label className="replay-field">
      <span className="dx-label">Target</span>
      <TargetPicker value={editor.target} onChange={setEditorTarget} original={editor.upstreamUrl} testId="replay-target" />
    </label>
  )
}
