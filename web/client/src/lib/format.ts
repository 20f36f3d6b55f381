// Display formats; times are shown in the viewer's own time zone and locale.

export function formatRuntime(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

// 754 -> "12:34", 3754 -> "1:02:34"
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(h ? 2 : 1, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function formatTimeOfDay(date: Date, timeZone?: string): string {
  return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', timeZone });
}

export function formatDay(date: Date, timeZone?: string): string {
  return date.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone });
}

export const TIER_NAMES = { basic: 'Basic', standard: 'Standard', premium: 'Premium' } as const;

// Streams each plan may play at once, as the server enforces it.
export const PLAN_STREAMS = { basic: 1, standard: 2, premium: 4 } as const;

export const streamsAtOnce = (n: number) => `${n} ${n === 1 ? 'stream' : 'streams'} at once`;
