"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Forecast } from "@/lib/domain/history/forecast";
import { useViewerTimeZone } from "@/components/time/viewer-time-zone";
import { startOfDayIn } from "@/lib/domain/readiness/dates";
import { dayTick, momentLabel } from "./chart-axis";

type Point = { takenAt: string; remainingEffortHours: number };

// Remaining effort over time, the forecast from now to zero at the current
// pace (dashed), and the target launch date. The forecast and target are days
// in the team's zone (`teamTimeZone`): they are drawn where those days start.
export function BurnDownChart({ points, forecast, targetDate, teamTimeZone }: { points: Point[]; forecast: Forecast; targetDate: string | null; teamTimeZone: string }) {
  const zone = useViewerTimeZone();
  const data: { t: number; remaining?: number; forecast?: number }[] = points.map((p) => ({ t: Date.parse(p.takenAt), remaining: p.remainingEffortHours }));
  const last = data.at(-1);
  // Only an effort forecast ends where this line does: one made from items
  // closed (unestimated work) says nothing about hours.
  if (last && forecast.state === "forecast" && forecast.basis === "effort") {
    last.forecast = last.remaining;
    data.push({ t: startOfDayIn(forecast.date, teamTimeZone).getTime(), forecast: 0 });
  }
  const target = targetDate ? startOfDayIn(targetDate, teamTimeZone).getTime() : null;
  const times = data.map((d) => d.t);
  const domain = [Math.min(...times, target ?? Infinity), Math.max(...times, target ?? -Infinity)];
  return (
    <div className="h-72 w-full" data-testid="burn-down-chart" role="img" aria-label={`Remaining effort: ${last?.remaining ?? 0} hours now`}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 16, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
          <XAxis dataKey="t" type="number" scale="time" domain={domain} tickFormatter={dayTick(zone)} stroke="#64748b" fontSize={12} />
          <YAxis tickFormatter={(v: number) => `${v} h`} stroke="#64748b" fontSize={12} width={52} />
          <Tooltip labelFormatter={momentLabel(zone)} formatter={(value) => `${String(value)} h`} />
          {target !== null && <ReferenceLine x={target} stroke="#dc2626" strokeDasharray="4 4" label={{ value: "Target launch", position: "insideTopRight", fill: "#dc2626", fontSize: 12 }} />}
          {/* Dots while the history is short, so that a day's worth of changes still shows. */}
          <Line type="stepAfter" dataKey="remaining" name="Remaining effort" stroke="#4338ca" strokeWidth={2.5} dot={points.length <= 40 ? { r: 3 } : false} connectNulls isAnimationActive={false} />
          <Line type="linear" dataKey="forecast" name="Forecast" stroke="#4338ca" strokeWidth={1.5} strokeDasharray="6 4" dot={false} connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
