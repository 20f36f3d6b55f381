import type { AdminChannel } from '@kinora/shared';

import { channelValues, createChannelBody, updateChannelBody } from './channelForm';

const stored: AdminChannel = {
  id: 3,
  number: 101,
  name: 'Meridian News 24',
  slug: 'meridian-news-24',
  category: 'news',
  description: 'Headlines.',
  tier: 'basic',
  maturity_rating: '13+',
  logo_url: '/api/v1/epg/channels/3/logo.svg',
  xmltv_id: 'meridian.news',
  icon_url: null,
};

describe('channel form values', () => {
  it('creates without the optional boxes left empty', () => {
    const body = createChannelBody({ ...channelValues(), number: ' 905 ', name: 'Test', category: 'news' });
    expect(body).toEqual({
      number: 905,
      name: 'Test',
      category: 'news',
      description: '',
      tier: 'basic',
      maturity_rating: 'all',
    });
  });

  it('patches nothing when nothing changed', () => {
    expect(updateChannelBody(stored, channelValues(stored))).toEqual({});
  });

  it('clears the XMLTV id with null and sends only the changes', () => {
    const v = { ...channelValues(stored), xmltv_id: ' ', number: '102', tier: 'premium' as const };
    expect(updateChannelBody(stored, v)).toEqual({ number: 102, tier: 'premium', xmltv_id: null });
  });

  it('sends an emptied number as null so the server names it', () => {
    expect(updateChannelBody(stored, { ...channelValues(stored), number: '' })).toEqual({ number: null });
  });
});
