// axe-core's colour-contrast rule (WCAG AA: 4.5:1 for text, 3:1 for large text) on what the page shows now.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

export interface ContrastViolation {
  target: string
  text: string
  ratio: number | null
  fg: string
  bg: string
  size: string
}

export async function contrastViolations(page: Page): Promise<ContrastViolation[]> {
  const result = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze()
  const out: ContrastViolation[] = []
  for (const v of result.violations)
    for (const node of v.nodes) {
      const data = (node.any[0]?.data ?? {}) as { contrastRatio?: number; fgColor?: string; bgColor?: string; fontSize?: string }
      out.push({ target: node.target.join(' '), text: node.html.slice(0, 120), ratio: data.contrastRatio ?? null, fg: data.fgColor ?? '', bg: data.bgColor ?? '', size: data.fontSize ?? '' })
    }
  return out
}

export const formatContrast = (vs: ContrastViolation[]): string => vs.map((v) => `${v.ratio ?? '?'}:1 ${v.fg} on ${v.bg} (${v.size}) ${v.target} ${v.text}`).join('\n')
