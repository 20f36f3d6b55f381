import { api, unwrap } from '@kinora/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';

// The imports send the file's text as it is (XML or M3U, not JSON), so the client's JSON
// serializer is bypassed and the content type set to one the routes take.
const asIs = (body: unknown) => body as string;

export function useImportXmltv() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) =>
      unwrap(
        api.POST('/api/v1/admin/epg/xmltv', {
          body: await file.text(),
          bodySerializer: asIs,
          headers: { 'Content-Type': 'text/xml' },
        }),
      ),
    // Channels and schedules may both have changed.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin'] }),
  });
}

export function useImportPlaylist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) =>
      unwrap(
        api.POST('/api/v1/admin/epg/playlist', {
          body: await file.text(),
          bodySerializer: asIs,
          headers: { 'Content-Type': 'audio/x-mpegurl' },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin'] }),
  });
}
