// Calendar dates (target launch, due dates) are plain YYYY-MM-DD days in UTC.
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export function daysUntil(day: string, now: Date): number {
  const target = Date.parse(`${day}T00:00:00Z`);
  const today = Date.parse(`${isoDay(now)}T00:00:00Z`);
  return Math.round((target - today) / 86_400_000);
}
