import type { Channel, Grid, GridProgramme } from '@kinora/shared';

import { CATCH_UP_MS, formatRange } from './layout';

// A programme with its times parsed once, when its grid page arrives.
export interface Slot {
  id: number;
  start: number;
  stop: number;
  programme: GridProgramme;
}

export interface GuideRow {
  channel: Channel;
  slots: Slot[];
}

export interface GuidePage {
  total: number;
  rows: GuideRow[];
}

export function parseGrid(grid: Grid): GuidePage {
  return {
    total: grid.total,
    rows: grid.items.map((row) => ({
      channel: row.channel,
      slots: row.programmes.map((p) => ({
        id: p.id,
        start: Date.parse(p.start),
        stop: Date.parse(p.stop),
        programme: p,
      })),
    })),
  };
}

// A row's programmes from several windows, each once (a programme crossing a window
// edge is in both), in start order.
export function mergeSlots(parts: Slot[][]): Slot[] {
  if (parts.length === 1) return parts[0];
  const seen = new Set<number>();
  const out: Slot[] = [];
  for (const part of parts) {
    for (const s of part) {
      if (seen.has(s.id)) continue;
      seen.add(s.id);
      out.push(s);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

export type Airing = 'past' | 'now' | 'later';

export function airing(slot: { start: number; stop: number }, now: number): Airing {
  if (now >= slot.stop) return 'past';
  return now >= slot.start ? 'now' : 'later';
}

// Start-over plays a programme from its beginning if it started in the last 7 days;
// for one that has ended, that is catch-up.
export const canStartOver = (slot: { start: number }, now: number): boolean =>
  slot.start <= now && now - slot.start <= CATCH_UP_MS;

export const canCatchUp = (slot: { start: number; stop: number }, now: number): boolean =>
  slot.stop <= now && canStartOver(slot, now);

export const liveUrl = (channelId: number): string => `/watch/channel/${channelId}`;
export const startOverUrl = (channelId: number, programmeId: number): string =>
  `/watch/channel/${channelId}?${new URLSearchParams({ programme: String(programmeId) })}`;

// What a screen reader hears on a programme: "World Tonight, 20:00–21:00, Meridian News 24, on now".
export function programmeLabel(slot: Slot, channel: Channel, now: number, timeZone: string): string {
  const parts = [slot.programme.title, formatRange(slot.start, slot.stop, timeZone), channel.name];
  const when = airing(slot, now);
  if (when === 'now') parts.push('on now');
  else if (canCatchUp(slot, now)) parts.push('catch-up');
  return parts.join(', ');
}

export function episodeLabel(p: GridProgramme): string | null {
  const se = [p.season != null ? `S${p.season}` : '', p.episode != null ? `E${p.episode}` : ''].join('');
  return [se, p.subtitle].filter(Boolean).join(' · ') || null;
}

export const RATING_LABEL: Record<GridProgramme['rating'], string> = {
  all: 'All ages',
  '7+': '7+',
  '13+': '13+',
  '16+': '16+',
  '18+': '18+',
};
