// Shared by the history charts: time on the x axis as epoch milliseconds,
// shown in the viewer's time zone (`zone`), which the tooltip names.
export const dayTick = (zone: string) => {
  const format = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: zone });
  return (t: number) => format.format(new Date(t));
};
export const momentLabel = (zone: string) => {
  const format = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short", timeZone: zone });
  return (t: unknown) => format.format(new Date(Number(t)));
};

// Colours for category lines: distinct at a glance, readable on white.
export const CATEGORY_COLOURS = ["#0ea5e9", "#f59e0b", "#10b981", "#ef4444", "#8b5cf6", "#ec4899", "#14b8a6", "#f97316", "#64748b", "#84cc16", "#06b6d4", "#a855f7", "#e11d48"];
