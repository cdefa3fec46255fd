// When will the remaining effort reach zero at the pace the team is keeping?
// The pace is the least-squares slope of remaining effort over the recent
// snapshots (plus "now"), so one busy afternoon or one new item does not swing
// the date the way a first-and-last comparison would.
import { DAY_MS, daysUntil, isoDay } from "../readiness/dates";

export type EffortPoint = { takenAt: string; remainingEffortHours: number };

// How far back the pace looks; readers need fetch no older snapshots.
export const PACE_WINDOW_DAYS = 14;
export const paceWindowStart = (now: Date) => new Date(now.getTime() - PACE_WINDOW_DAYS * DAY_MS);
// Less history than this says too little about a pace to forecast from it.
const MIN_SPAN_DAYS = 1;

export type Forecast =
  | { state: "done" }
  | { state: "insufficient-history"; historyDays: number }
  | { state: "no-progress"; windowDays: number }
  | {
      state: "forecast";
      // Hours of effort burnt per day, on average over the window.
      hoursPerDay: number;
      date: string;
      // Days between the forecast and the target launch: positive is slack.
      slackDays: number | null;
      onTrack: boolean | null;
    };

export function forecastLaunch(history: readonly EffortPoint[], remainingNow: number, now: Date, targetDate: string | null): Forecast {
  if (remainingNow <= 0) return { state: "done" };
  const windowStart = paceWindowStart(now).getTime();
  const points = [
    ...history.map((p) => ({ t: Date.parse(p.takenAt), y: p.remainingEffortHours })).filter((p) => p.t >= windowStart && p.t < now.getTime()),
    { t: now.getTime(), y: remainingNow },
  ];
  const spanDays = (now.getTime() - Math.min(...points.map((p) => p.t))) / DAY_MS;
  if (points.length < 2 || spanDays < MIN_SPAN_DAYS) return { state: "insufficient-history", historyDays: Math.floor(spanDays) };

  const hoursPerDay = -slope(points.map((p) => ({ x: (p.t - now.getTime()) / DAY_MS, y: p.y })));
  // Less than a minute of work a day is standing still.
  if (!(hoursPerDay > 1 / 60)) return { state: "no-progress", windowDays: Math.min(PACE_WINDOW_DAYS, Math.ceil(spanDays)) };

  const date = isoDay(new Date(now.getTime() + Math.ceil(remainingNow / hoursPerDay) * DAY_MS));
  const slackDays = targetDate ? daysUntil(targetDate, now) - daysUntil(date, now) : null;
  return { state: "forecast", hoursPerDay: Math.round(hoursPerDay * 100) / 100, date, slackDays, onTrack: slackDays === null ? null : slackDays >= 0 };
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

// The forecast in one sentence, as the report and the history page say it.
export function forecastSentence(forecast: Forecast, targetDate: string | null): string {
  switch (forecast.state) {
    case "done":
      return "Nothing left to do.";
    case "insufficient-history":
      return "Not enough history for a forecast yet: it needs at least a day of recorded progress.";
    case "no-progress":
      return `No forecast: the remaining effort has not gone down in the last ${forecast.windowDays} day${forecast.windowDays === 1 ? "" : "s"}.`;
    case "forecast": {
      const pace = `at the current pace of ${forecast.hoursPerDay} h a day`;
      if (!targetDate || forecast.slackDays === null) return `Done around ${forecast.date} ${pace}.`;
      if (forecast.slackDays >= 0) return `Done around ${forecast.date} ${pace}: ${forecast.slackDays} day${forecast.slackDays === 1 ? "" : "s"} before the target launch on ${targetDate}.`;
      return `Done around ${forecast.date} ${pace}: ${-forecast.slackDays} day${forecast.slackDays === -1 ? "" : "s"} after the target launch on ${targetDate}.`;
    }
  }
}
