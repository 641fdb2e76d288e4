/**
 * The daily balance chart of one account, drawn on the server: a model (scaled points, the zero
 * line below which the account is overdrawn, incident marks, axis labels) that the SVG of the
 * page and the PDF both draw, so the two show the same thing.
 */
import type { DailyBalance } from '../engine/model/index.ts'

export interface ChartModel {
  width: number
  height: number
  /** The plot area inside the axis labels. */
  plot: { left: number; top: number; right: number; bottom: number }
  points: { x: number; y: number }[]
  /** y of a zero balance: below it, the account is overdrawn. */
  zeroY: number
  incidents: { x: number; y: number; label: string; date: string }[]
  yTicks: { y: number; value: number }[]
  xTicks: { x: number; date: string }[]
  min: number
  max: number
  daysBelowZero: number
}

const niceStep = (range: number): number => {
  const rough = range / 4
  const power = 10 ** Math.floor(Math.log10(rough))
  for (const factor of [1, 2, 2.5, 5, 10]) if (power * factor >= rough) return power * factor
  return power * 10
}

/** Lays out the balances of one account; null without balances. */
export const chartModel = (
  balances: readonly DailyBalance[],
  incidents: readonly { date: string; label: string }[],
  size: { width: number; height: number } = { width: 760, height: 240 },
): ChartModel | null => {
  if (balances.length === 0) return null
  const plot = { left: 70, top: 12, right: size.width - 12, bottom: size.height - 28 }
  const values = balances.map((b) => b.balance)
  // The zero line is always in view: it is the overdraft line.
  const low = Math.min(0, ...values)
  const high = Math.max(0, ...values)
  const step = niceStep(high - low || 1)
  const min = Math.floor(low / step) * step
  const max = Math.ceil(high / step) * step || step
  const x = (i: number) =>
    plot.left + (balances.length === 1 ? 0 : (i * (plot.right - plot.left)) / (balances.length - 1))
  const y = (value: number) =>
    plot.bottom - ((value - min) * (plot.bottom - plot.top)) / (max - min)
  const indexOf = new Map(balances.map((b, i) => [b.date.slice(0, 10), i]))
  const yTicks: ChartModel['yTicks'] = []
  for (let value = min; value <= max + step / 2; value += step) yTicks.push({ y: y(value), value })
  const xTicks: ChartModel['xTicks'] = []
  balances.forEach((b, i) => {
    // One tick on the first day of each month (and on the first day shown).
    if (i === 0 || b.date.slice(8, 10) === '01') xTicks.push({ x: x(i), date: b.date.slice(0, 10) })
  })
  return {
    width: size.width,
    height: size.height,
    plot,
    points: balances.map((b, i) => ({ x: x(i), y: y(b.balance) })),
    zeroY: y(0),
    incidents: incidents.flatMap((incident) => {
      const i = indexOf.get(incident.date)
      const balance = i === undefined ? undefined : balances[i]
      return i === undefined || !balance
        ? []
        : [{ x: x(i), y: y(balance.balance), label: incident.label, date: incident.date }]
    }),
    yTicks,
    // At most about eight labels, whatever the length of the history.
    xTicks: xTicks.filter((_tick, i) => i % Math.ceil(xTicks.length / 8) === 0),
    min: Math.min(...values),
    max: Math.max(...values),
    daysBelowZero: values.filter((value) => value < 0).length,
  }
}

const escapeXml = (text: string): string =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )

const r = (n: number): string => n.toFixed(1)

/**
 * The chart as inline SVG (no script, no external resource): the balance line, the area below
 * zero in red, the zero line dashed, incidents as red marks with their label as a tooltip.
 */
export const balanceSvg = (
  model: ChartModel,
  labels: {
    id: string
    title: string
    description: string
    money: (n: number) => string
    day: (d: string) => string
  },
): string => {
  const { plot } = model
  const line = model.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${r(p.x)} ${r(p.y)}`).join('')
  const clipBelow = `${labels.id}-below`
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${model.width} ${model.height}" role="img" aria-labelledby="${labels.id}-t ${labels.id}-d">`,
    `<title id="${labels.id}-t">${escapeXml(labels.title)}</title>`,
    `<desc id="${labels.id}-d">${escapeXml(labels.description)}</desc>`,
    `<defs><clipPath id="${clipBelow}"><rect x="${plot.left}" y="${r(model.zeroY)}" width="${plot.right - plot.left}" height="${r(Math.max(0, plot.bottom - model.zeroY))}"/></clipPath></defs>`,
  ]
  for (const tick of model.yTicks) {
    parts.push(
      `<line class="grid" x1="${plot.left}" x2="${plot.right}" y1="${r(tick.y)}" y2="${r(tick.y)}"/>`,
      `<text class="axis" x="${plot.left - 6}" y="${r(tick.y + 4)}" text-anchor="end">${escapeXml(labels.money(tick.value))}</text>`,
    )
  }
  for (const tick of model.xTicks) {
    parts.push(
      `<text class="axis" x="${r(tick.x)}" y="${model.height - 8}" text-anchor="middle">${escapeXml(labels.day(tick.date))}</text>`,
    )
  }
  const area = `${line}L${r(model.points.at(-1)?.x ?? plot.left)} ${r(model.zeroY)}L${r(model.points[0]?.x ?? plot.left)} ${r(model.zeroY)}Z`
  parts.push(
    `<path class="below" d="${area}" clip-path="url(#${clipBelow})"/>`,
    `<line class="zero" x1="${plot.left}" x2="${plot.right}" y1="${r(model.zeroY)}" y2="${r(model.zeroY)}"><title>Overdraft line: below it the account is overdrawn</title></line>`,
    `<path class="balance" d="${line}"/>`,
  )
  for (const incident of model.incidents) {
    parts.push(
      `<g class="incident"><circle cx="${r(incident.x)}" cy="${r(incident.y)}" r="5"/><title>${escapeXml(`${labels.day(incident.date)}: ${incident.label}`)}</title></g>`,
    )
  }
  parts.push('</svg>')
  return parts.join('')
}
