import type { paths } from '@kinora/shared';

// Shapes the player needs that have no short name in @kinora/shared yet, taken from the
// generated OpenAPI paths (never written by hand).
export type PlaybackStartRequest = NonNullable<
  paths['/api/v1/playback/sessions']['post']['requestBody']
>['content']['application/json'];
export type SessionList = paths['/api/v1/playback/sessions']['get']['responses'][200]['content']['application/json'];
export type Schedule =
  paths['/api/v1/epg/schedule/{channel_id}']['get']['responses'][200]['content']['application/json'];
export type Programme = Schedule['items'][number];
