"use client";

import { useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TrendSeries } from "@/lib/domain/history/snapshot";
import { useViewerTimeZone } from "@/components/time/viewer-time-zone";
import { CATEGORY_COLOURS, dayTick, momentLabel } from "./chart-axis";

// Readiness % over time: the project overall (bold) and one line per
// category. Clicking a legend entry hides or shows that line.
export function TrendChart({ trend }: { trend: TrendSeries }) {
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const zone = useViewerTimeZone();
  const data = trend.rows.map((row) => ({ ...row, t: Date.parse(row.takenAt) }));
  const toggle = (key: string) =>
    setHidden((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  return (
    <div className="h-80 w-full" data-testid="trend-chart" role="img" aria-label={`Readiness over time: from ${data[0]?.overall ?? 0}% to ${data.at(-1)?.overall ?? 0}%`}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
          <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={dayTick(zone)} stroke="#64748b" fontSize={12} />
          <YAxis domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} stroke="#64748b" fontSize={12} width={44} />
          <Tooltip labelFormatter={momentLabel(zone)} formatter={(value) => (value === null || value === undefined ? "—" : `${String(value)}%`)} />
          <Legend onClick={(entry) => toggle(String(entry.dataKey))} wrapperStyle={{ fontSize: 12, cursor: "pointer" }} />
          <Line type="stepAfter" dataKey="overall" name="Overall" stroke="#4338ca" strokeWidth={3} dot={data.length <= 40 ? { r: 3 } : false} hide={hidden.has("overall")} isAnimationActive={false} />
          {trend.categories.map((category, index) => (
            <Line
              key={category.id}
              type="stepAfter"
              dataKey={`category:${category.id}`}
              name={category.name}
              stroke={CATEGORY_COLOURS[index % CATEGORY_COLOURS.length]}
              strokeWidth={1.5}
              dot={false}
              connectNulls={false}
              hide={hidden.has(`category:${category.id}`)}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
