// Calendar dates (target launch, due dates) are plain YYYY-MM-DD days in UTC.
export const DAY_MS = 86_400_000;

export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export const startOfUtcDay = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));

export function daysUntil(day: string, now: Date): number {
  const target = Date.parse(`${day}T00:00:00Z`);
  const today = Date.parse(`${isoDay(now)}T00:00:00Z`);
  return Math.round((target - today) / DAY_MS);
}
