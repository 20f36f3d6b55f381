import { api, unwrap, type PlaybackPreviewRequest } from '@kinora/shared';
import { useMutation } from '@tanstack/react-query';

// A preview session: no plan or stream limit, no history; its URLs expire in minutes, so
// every opening asks for a new one and nothing is cached.
export const usePreview = () =>
  useMutation({
    mutationFn: (body: PlaybackPreviewRequest) => unwrap(api.POST('/api/v1/admin/playback/preview', { body })),
  });
