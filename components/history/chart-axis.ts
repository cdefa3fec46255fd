// Shared by the history charts: time on the x axis as epoch milliseconds.
export const dayTick = (t: number) => new Date(t).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
export const momentLabel = (t: unknown) =>
  new Date(Number(t)).toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" }) + " UTC";

// Colours for category lines: distinct at a glance, readable on white.
export const CATEGORY_COLOURS = ["#0ea5e9", "#f59e0b", "#10b981", "#ef4444", "#8b5cf6", "#ec4899", "#14b8a6", "#f97316", "#64748b", "#84cc16", "#06b6d4", "#a855f7", "#e11d48"];
