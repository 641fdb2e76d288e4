/**
 * The console's project-wide lists besides the analyses: Report API reports and risk report
 * flows, v1 scorings. Each list is one entry here (its store query and its columns); the plugin serves every
 * entry at `/console/{path}` with the shared `list` view, paged, newest first, the project's
 * rows only. A further list is one more entry.
 */
import type { ConsoleStore, ListPage } from '../app/console-ports.ts'
import { formatter } from './format.ts'

export interface Cell {
  text: string
  /** A link to the analysis page, when there is one. */
  href?: string
  /** Shown as a status badge (`status-{value}` class). */
  status?: string
}

export interface ConsoleList {
  /** The path under /console, also the main navigation's entry. */
  path: string
  title: string
  intro: string
  /** What the total counts, e.g. "reports". */
  noun: string
  columns: readonly string[]
  rows(
    store: ConsoleStore,
    projectId: string,
    page: ListPage,
  ): Promise<{ rows: Cell[][]; total: number }>
}

const day = (date: Date): string => formatter('en-GB', 'EUR').day(date.toISOString())
const status = (value: string): Cell => ({ text: value, status: value.toLowerCase() })
const analysis = (analysisId: string | null): Cell =>
  analysisId === null
    ? { text: '—' }
    : { text: analysisId, href: `/console/analyses/${encodeURIComponent(analysisId)}` }

export const CONSOLE_LISTS: readonly ConsoleList[] = [
  {
    path: 'reports',
    title: 'Reports',
    intro: 'Reports created through the Report API (POST /v2/report), with their status.',
    noun: 'reports',
    columns: ['Report', 'Status', 'Created', 'Operations', 'Country', 'Analysis'],
    rows: async (store, projectId, page) => {
      const { items, total } = await store.listReports(projectId, page)
      return {
        total,
        rows: items.map((item) => [
          { text: item.id },
          status(item.status),
          { text: day(item.createdAt) },
          { text: item.operations.length > 0 ? item.operations.join(', ') : '—' },
          { text: item.country ?? '—' },
          analysis(item.analysisId),
        ]),
      }
    },
  },
  {
    path: 'risk-reports',
    title: 'Risk reports',
    intro:
      'Risk report flows opened through the hosted data-sharing page, one-time or ongoing, with their status.',
    noun: 'risk report flows',
    columns: ['Flow', 'Access', 'Status', 'Created', 'Holder verification', 'Analysis'],
    rows: async (store, projectId, page) => {
      const { items, total } = await store.listRiskReports(projectId, page)
      return {
        total,
        rows: items.map((item) => [
          { text: item.id },
          { text: item.access === 'onetime' ? 'One-time' : 'Ongoing' },
          status(item.status),
          { text: day(item.createdAt) },
          { text: item.holderVerification ? 'Requested' : 'Not requested' },
          analysis(item.analysisId),
        ]),
      }
    },
  },
  {
    path: 'scorings',
    title: 'Scorings',
    intro:
      'Scorings asked through the scoring API v1 (POST /v1/scoring/), test and live, with their status and score.',
    noun: 'scorings',
    columns: ['Scoring', 'Mode', 'Status', 'Created', 'Credit', 'Score', 'Analysis'],
    rows: async (store, projectId, page) => {
      const { items, total } = await store.listScorings(projectId, page)
      const money = formatter('en-GB', 'EUR').money
      return {
        total,
        rows: items.map((item) => [
          { text: item.id },
          { text: item.liveMode ? 'Live' : 'Test' },
          status(item.status),
          { text: day(item.createdAt) },
          {
            text: `${money(item.amount / 100, item.currency.toUpperCase())} over ${item.duration} months`,
          },
          { text: item.score === null ? '—' : String(item.score) },
          analysis(item.analysisId),
        ]),
      }
    },
  },
]
