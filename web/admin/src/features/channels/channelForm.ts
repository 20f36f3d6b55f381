import type { AdminChannel, ChannelCreate, ChannelUpdate, MaturityRating, Tier } from '@kinora/shared';

import { changedFields, fromNumber, toNumber } from '../../ui/formValues';

export interface ChannelFormValues {
  number: string;
  name: string;
  slug: string;
  category: string;
  description: string;
  tier: Tier;
  maturity_rating: MaturityRating;
  xmltv_id: string;
}

export const CHANNEL_FIELDS = [
  'number',
  'name',
  'slug',
  'category',
  'description',
  'tier',
  'maturity_rating',
  'xmltv_id',
] as const;

export function channelValues(c?: AdminChannel): ChannelFormValues {
  return {
    number: fromNumber(c?.number),
    name: c?.name ?? '',
    slug: c?.slug ?? '',
    category: c?.category ?? '',
    description: c?.description ?? '',
    tier: c?.tier ?? 'basic',
    maturity_rating: c?.maturity_rating ?? 'all',
    xmltv_id: c?.xmltv_id ?? '',
  };
}

// A new channel: empty optional boxes are left out (the slug is then made from the name).
export function createChannelBody(v: ChannelFormValues): ChannelCreate {
  const body = {
    number: toNumber(v.number),
    name: v.name.trim(),
    slug: v.slug.trim() || undefined,
    category: v.category.trim(),
    description: v.description.trim(),
    tier: v.tier,
    maturity_rating: v.maturity_rating,
    xmltv_id: v.xmltv_id.trim() || undefined,
  };
  return JSON.parse(JSON.stringify(body)) as ChannelCreate;
}

// Only the changes; an emptied XMLTV id is sent as null, which clears it, and an emptied
// number or slug goes as such so the server refuses it at that field.
export function updateChannelBody(current: AdminChannel, v: ChannelFormValues): ChannelUpdate {
  const next: Record<string, unknown> = {
    number: toNumber(v.number) ?? null,
    name: v.name.trim(),
    slug: v.slug.trim(),
    category: v.category.trim(),
    description: v.description.trim(),
    tier: v.tier,
    maturity_rating: v.maturity_rating,
    xmltv_id: v.xmltv_id.trim() || null,
  };
  return changedFields(current as Record<string, unknown>, next) as ChannelUpdate;
}
