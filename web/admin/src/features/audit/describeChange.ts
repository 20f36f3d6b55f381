import type { AuditEntry } from '@kinora/shared';

const VERBS: Record<AuditEntry['method'], string> = {
  POST: 'Created',
  PUT: 'Replaced',
  PATCH: 'Changed',
  DELETE: 'Deleted',
};

// Routes whose POST is an action rather than a new thing.
const ACTIONS: Record<string, string> = {
  '/api/v1/admin/embeddings/generate': 'Started embedding the catalogue',
  '/api/v1/admin/epg/xmltv': 'Imported an XMLTV guide',
  '/api/v1/admin/epg/playlist': 'Imported an M3U playlist',
  '/api/v1/admin/media/uploads': 'Uploaded a video',
  '/api/v1/admin/accounts/{account_id}/sign-out': 'Signed an account out everywhere',
};

// "PATCH /api/v1/admin/titles/{id}" -> "Changed title", in the words an operator uses.
export function describeChange(entry: Pick<AuditEntry, 'method' | 'route'>): string {
  if (entry.method === 'POST' && ACTIONS[entry.route]) return ACTIONS[entry.route];
  if (entry.method === 'PUT' && entry.route.endsWith('/days/{date}')) return 'Replaced a day of the schedule';
  if (entry.method === 'DELETE' && entry.route.endsWith('/streams/{session_id}')) return 'Ended a stream';
  const literal = entry.route
    .replace('/api/v1/admin/', '')
    .split('/')
    .filter((s) => !s.startsWith('{'));
  const thing = (literal.at(-1) ?? 'item').replace(/ies$/, 'y').replace(/s$/, '');
  const word = thing === 'schedule' ? 'programme' : thing;
  return `${VERBS[entry.method]} ${word}`;
}

// The area a route belongs to, as the log's ?area= filter takes it.
export const AREAS = [
  'titles',
  'seasons',
  'episodes',
  'media',
  'embeddings',
  'channels',
  'schedule',
  'epg',
  'accounts',
] as const;
