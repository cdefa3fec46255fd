// When will the open work be done at the pace the team is keeping?
// The pace is the least-squares slope over the recent snapshots (plus "now"),
// so one busy afternoon or one new item does not swing the date the way a
// first-and-last comparison would. It is measured in hours of remaining
// effort while every open item has an estimate, and in open items otherwise:
// hours that nobody estimated would make an effort forecast claim too early a
// date, or "done" while work is still open.
import { addDays, DAY_MS, dayIn, daysBetween } from "@/lib/domain/readiness/dates";

/** One snapshot's worth of progress; openItems is null in snapshots older than the count. */
export type ProgressPoint = { takenAt: string; remainingEffortHours: number; openItems: number | null };

/** Where the project stands now: hours left (a lower bound when items are unestimated), open applicable items, and how many of those have no estimate. */
export type Progress = { remainingEffortHours: number; openItems: number; unestimatedItems: number };

// How far back the pace looks; readers need fetch no older snapshots.
const PACE_WINDOW_DAYS = 14;
export const paceWindowStart = (now: Date) => new Date(now.getTime() - PACE_WINDOW_DAYS * DAY_MS);
// Less history than this says too little about a pace to forecast from it.
const MIN_SPAN_DAYS = 1;

// "effort": hours of remaining effort burnt per day. "items": open items
// closed per day, used while some open items have no effort estimate.
type ForecastBasis = "effort" | "items";

export type Forecast =
  | { state: "done" }
  | { state: "insufficient-history"; basis: ForecastBasis; historyDays: number; unestimatedItems: number }
  | { state: "no-progress"; basis: ForecastBasis; windowDays: number; unestimatedItems: number }
  | {
      state: "forecast";
      basis: ForecastBasis;
      // Pace per day, in hours (effort) or items (items); the other is null.
      hoursPerDay: number | null;
      itemsPerDay: number | null;
      date: string;
      // Days between the forecast and the target launch: positive is slack.
      slackDays: number | null;
      onTrack: boolean | null;
      unestimatedItems: number;
    };

/**
 * The forecast for a project from its recent snapshots and where it stands
 * now. Never "done" while an applicable item is open. The forecast date is a
 * calendar day in the team's `timeZone`, counted from today there, and the
 * slack is in whole days between it and the target launch day.
 */
export function forecastLaunch(history: readonly ProgressPoint[], current: Progress, now: Date, targetDate: string | null, timeZone: string): Forecast {
  if (current.openItems <= 0) return { state: "done" };
  const basis: ForecastBasis = current.unestimatedItems === 0 && current.remainingEffortHours > 0 ? "effort" : "items";
  const { unestimatedItems } = current;
  const valueOf = (point: { remainingEffortHours: number; openItems: number | null }) => (basis === "effort" ? point.remainingEffortHours : point.openItems);

  const windowStart = paceWindowStart(now).getTime();
  const points = [
    ...history
      .map((p) => ({ t: Date.parse(p.takenAt), y: valueOf(p) }))
      .filter((p): p is { t: number; y: number } => p.y !== null && p.t >= windowStart && p.t < now.getTime()),
    { t: now.getTime(), y: valueOf(current) as number },
  ];
  const spanDays = (now.getTime() - Math.min(...points.map((p) => p.t))) / DAY_MS;
  if (points.length < 2 || spanDays < MIN_SPAN_DAYS) return { state: "insufficient-history", basis, historyDays: Math.floor(spanDays), unestimatedItems };

  const perDay = -slope(points.map((p) => ({ x: (p.t - now.getTime()) / DAY_MS, y: p.y })));
  // Less than a minute of work, or one item in a thousand days, is standing still.
  if (!(perDay > (basis === "effort" ? 1 / 60 : 1 / 1000))) {
    // Whole days of history, never more than there is.
    return { state: "no-progress", basis, windowDays: Math.max(1, Math.min(PACE_WINDOW_DAYS, Math.floor(spanDays))), unestimatedItems };
  }

  const left = valueOf(current) as number;
  const date = addDays(dayIn(now, timeZone), Math.ceil(left / perDay));
  const slackDays = targetDate ? daysBetween(date, targetDate) : null;
  const pace = Math.round(perDay * 100) / 100;
  return {
    state: "forecast",
    basis,
    hoursPerDay: basis === "effort" ? pace : null,
    itemsPerDay: basis === "items" ? pace : null,
    date,
    slackDays,
    onTrack: slackDays === null ? null : slackDays >= 0,
    unestimatedItems,
  };
}

function slope(points: readonly { x: number; y: number }[]): number {
  const n = points.length;
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / n;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const p of points) {
    covariance += (p.x - meanX) * (p.y - meanY);
    variance += (p.x - meanX) ** 2;
  }
  return variance === 0 ? 0 : covariance / variance;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
const unestimatedClause = (count: number) => `${plural(count, "open item")} ${count === 1 ? "has" : "have"} no effort estimate`;

// The forecast in one sentence, as the report and the history page say it.
export function forecastSentence(forecast: Forecast, targetDate: string | null): string {
  switch (forecast.state) {
    case "done":
      return "Nothing left to do.";
    case "insufficient-history":
      return forecast.basis === "effort"
        ? "Not enough history for a forecast yet: it needs at least a day of recorded progress."
        : `No forecast yet: ${forecast.unestimatedItems > 0 ? unestimatedClause(forecast.unestimatedItems) : "the open items have no effort left in their estimates"}, and the pace of items closed needs at least a day of recorded progress.`;
    case "no-progress":
      return forecast.basis === "effort"
        ? `No forecast: the remaining effort has not gone down in the last ${plural(forecast.windowDays, "day")}.`
        : `No forecast: ${forecast.unestimatedItems > 0 ? `${unestimatedClause(forecast.unestimatedItems)}, and ` : ""}no open items were closed in the last ${plural(forecast.windowDays, "day")}.`;
    case "forecast": {
      const pace =
        forecast.basis === "effort"
          ? `at the current pace of ${forecast.hoursPerDay} h a day`
          : `at the current pace of ${forecast.itemsPerDay} items closed a day (${forecast.unestimatedItems > 0 ? unestimatedClause(forecast.unestimatedItems) : "the open items have no effort left in their estimates"})`;
      if (!targetDate || forecast.slackDays === null) return `Done around ${forecast.date} ${pace}.`;
      if (forecast.slackDays >= 0) return `Done around ${forecast.date} ${pace}: ${plural(forecast.slackDays, "day")} before the target launch on ${targetDate}.`;
      return `Done around ${forecast.date} ${pace}: ${plural(-forecast.slackDays, "day")} after the target launch on ${targetDate}.`;
    }
  }
}
