// Where the catalog pages send people; the player reads these query parameters.

export const titlePath = (id: number) => `/title/${id}`;

// No `start`: the player resumes at the profile's bookmark. `start=0` starts over.
export function watchPath(
  titleId: number,
  { episodeId, startOver = false }: { episodeId?: number; startOver?: boolean } = {},
) {
  const params = new URLSearchParams();
  if (episodeId !== undefined) params.set('episode', String(episodeId));
  if (startOver) params.set('start', '0');
  const query = params.toString();
  return `/watch/title/${titleId}${query ? `?${query}` : ''}`;
}
