import { useState } from 'react'

/** A boolean the user sets (a collapsed panel), kept across sessions in localStorage under `key`. */
export function useStoredFlag(key: string, fallback = false): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => {
    const saved = localStorage.getItem(key)
    return saved === null ? fallback : saved === '1'
  })
  return [
    on,
    (next: boolean) => {
      setOn(next)
      localStorage.setItem(key, next ? '1' : '0')
    }
  ]
}
