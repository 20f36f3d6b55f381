import { api, unwrap, type MediaJob } from '@kinora/shared';
import { queryOptions } from '@tanstack/react-query';

import { uploadWithProgress, type UploadProgress } from './uploadWithProgress';

export const mediaKeys = {
  all: ['admin', 'media'] as const,
  job: (id: string) => [...mediaKeys.all, 'job', id] as const,
};

export const isFinished = (job: MediaJob | undefined) => job?.status === 'succeeded' || job?.status === 'failed';

// Polled each second until the packaging succeeds or fails.
export const mediaJobQuery = (id: string) =>
  queryOptions({
    queryKey: mediaKeys.job(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/admin/media/jobs/{id}', { params: { path: { id } }, signal })),
    refetchInterval: (query) => (isFinished(query.state.data) || query.state.error ? false : 1000),
    staleTime: 0,
  });

// The server takes video/* or application/octet-stream; a file the browser cannot type goes
// as octet-stream and ffmpeg decides.
export const uploadType = (file: File) => (file.type.startsWith('video/') ? file.type : 'application/octet-stream');

export function uploadMedia(
  { titleId, episodeId, file }: { titleId: number; episodeId: number; file: File },
  onProgress: (p: UploadProgress) => void,
  signal: AbortSignal,
): Promise<MediaJob> {
  const query = new URLSearchParams({ title_id: String(titleId) });
  if (episodeId) query.set('episode_id', String(episodeId));
  return uploadWithProgress<MediaJob>(`/api/v1/admin/media/uploads?${query}`, file, {
    contentType: uploadType(file),
    onProgress,
    signal,
  });
}
