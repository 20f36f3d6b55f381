import type { DayProgramme, Programme } from '@kinora/shared';

import { addDays, dayOf } from './time';

// A day's programmes as the replace-day route takes them for another day: those that
// start on `from`, moved by whole days (UTC has no DST, so the clock times stay).
export function programmesForDay(items: Programme[], from: string, to: string): DayProgramme[] {
  const shift = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  const move = (iso: string) => new Date(Date.parse(iso) + shift).toISOString().replace('.000Z', 'Z');
  return items
    .filter((p) => dayOf(new Date(p.start)) === from)
    .map((p) => ({
      start: move(p.start),
      stop: move(p.stop),
      title: p.title,
      subtitle: p.subtitle,
      description: p.description,
      category: p.category,
      season: p.season,
      episode: p.episode,
      rating: p.rating,
      title_id: p.title_id,
    }));
}

// The week after `day`, as copy targets.
export const followingDays = (day: string, count = 7) => Array.from({ length: count }, (_, i) => addDays(day, i + 1));
