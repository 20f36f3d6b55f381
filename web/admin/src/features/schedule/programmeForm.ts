import {
  isApiError,
  type MaturityRating,
  type Programme,
  type ProgrammeCreate,
  type ProgrammeUpdate,
} from '@kinora/shared';

import { changedFields, fromNumber, toNumber } from '../../ui/formValues';
import { fromInput, toInput } from './time';

export interface ProgrammeFormValues {
  title: string;
  subtitle: string;
  start: string; // datetime-local, UTC
  stop: string;
  category: string;
  rating: MaturityRating;
  description: string;
  season: string;
  episode: string;
  title_id: string;
}

export const PROGRAMME_FIELDS = [
  'title',
  'subtitle',
  'start',
  'stop',
  'category',
  'rating',
  'description',
  'season',
  'episode',
  'title_id',
] as const;

export function programmeValues(p: Partial<Programme>): ProgrammeFormValues {
  return {
    title: p.title ?? '',
    subtitle: p.subtitle ?? '',
    start: p.start ? toInput(p.start) : '',
    stop: p.stop ? toInput(p.stop) : '',
    category: p.category ?? '',
    rating: p.rating ?? 'all',
    description: p.description ?? '',
    season: fromNumber(p.season),
    episode: fromNumber(p.episode),
    title_id: fromNumber(p.title_id),
  };
}

// Optional members: an empty box is null (no subtitle, no season, no catalog title).
function members(v: ProgrammeFormValues) {
  return {
    title: v.title.trim(),
    subtitle: v.subtitle.trim() || null,
    start: fromInput(v.start),
    stop: fromInput(v.stop),
    category: v.category.trim(),
    rating: v.rating,
    description: v.description.trim(),
    season: toNumber(v.season) ?? null,
    episode: toNumber(v.episode) ?? null,
    title_id: toNumber(v.title_id) ?? null,
  };
}

// A new programme; missing times are left out so the server names them.
export function createProgrammeBody(channelId: number, v: ProgrammeFormValues): ProgrammeCreate {
  return JSON.parse(JSON.stringify({ channel_id: channelId, ...members(v) })) as ProgrammeCreate;
}

export function updateProgrammeBody(current: Programme, v: ProgrammeFormValues): ProgrammeUpdate {
  const next = members(v);
  // An emptied time box is refused by name rather than silently kept.
  return changedFields(current as Record<string, unknown>, {
    ...next,
    start: next.start ?? '',
    stop: next.stop ?? '',
  }) as ProgrammeUpdate;
}

// The 409 `schedule-conflict` names the programme in the way.
export function conflictOf(err: unknown): { id: number; title: string } | null {
  if (!isApiError(err, 'schedule-conflict') || !err.problem.conflicting_programme_id) return null;
  return { id: err.problem.conflicting_programme_id, title: err.problem.conflicting_title ?? '' };
}
