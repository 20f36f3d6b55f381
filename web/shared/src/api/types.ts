// Names for the generated schema types the apps use; the shapes come only from
// schema.gen.ts, which openapi-typescript writes from docs/api/openapi.json.
import type { components, paths } from './schema.gen';

type Schemas = components['schemas'];
export type { paths };
export type Account = Schemas['Account'];
export type AuthGrant = Schemas['AuthGrant'];
export type Channel = Schemas['Channel'];
export type ChannelGroup = Schemas['ChannelGroup'];
export type ContinueItem = Schemas['ContinueItem'];
export type Episode = Schemas['Episode'];
export type Genre = Schemas['Genre'];
export type Grid = Schemas['Grid'];
export type GridProgramme = Schemas['GridProgramme'];
export type GridRow = Schemas['GridRow'];
export type MaturityRating = Schemas['MaturityRating'];
export type NowNextItem = Schemas['NowNextItem'];
export type PlaybackSession = Schemas['PlaybackSession'];
export type PlaybackStart = Schemas['PlaybackStart'];
export type Problem = Schemas['Problem'];
export type Profile = Schemas['Profile'];
export type Rail = Schemas['Rail'];
export type Rating = Schemas['Rating'];
export type SeasonWithEpisodes = Schemas['SeasonWithEpisodes'];
export type Session = Schemas['Session'];
export type SimilarTitle = Schemas['SimilarTitle'];
export type Tier = Schemas['Tier'];
export type TitleDetail = Schemas['TitleDetail'];
export type TitleSummary = Schemas['TitleSummary'];
