import { api, unwrap, type DayProgramme, type ProgrammeCreate, type ProgrammeUpdate } from '@kinora/shared';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

import { dayWindow } from './time';

export const scheduleKeys = {
  all: ['admin', 'schedule'] as const,
  channel: (channelId: number) => [...scheduleKeys.all, 'channel', channelId] as const,
  day: (channelId: number, day: string) => [...scheduleKeys.channel(channelId), day] as const,
  programme: (id: number) => [...scheduleKeys.all, 'programme', id] as const,
};

// The admin API has no list of programmes; the guide's schedule route gives a channel's
// programmes in a window (an admin profile sees every channel).
export const dayScheduleQuery = (channelId: number, day: string) =>
  queryOptions({
    queryKey: scheduleKeys.day(channelId, day),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/epg/schedule/{channel_id}', {
          params: { path: { channel_id: channelId }, query: dayWindow(day) },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

export const programmeQuery = (id: number) =>
  queryOptions({
    queryKey: scheduleKeys.programme(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/admin/schedule/{id}', { params: { path: { id } }, signal })),
    staleTime: 0,
  });

function useScheduleMutation<V, R>(call: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scheduleKeys.all }),
  });
}

export const useCreateProgramme = () =>
  useScheduleMutation((body: ProgrammeCreate) => unwrap(api.POST('/api/v1/admin/schedule', { body })));

export const useUpdateProgramme = () =>
  useScheduleMutation(({ id, body }: { id: number; body: ProgrammeUpdate }) =>
    unwrap(api.PATCH('/api/v1/admin/schedule/{id}', { params: { path: { id } }, body })),
  );

export const useDeleteProgramme = () =>
  useScheduleMutation((id: number) => unwrap(api.DELETE('/api/v1/admin/schedule/{id}', { params: { path: { id } } })));

// Replacing a day with nothing clears it (programmes that start on that UTC day).
export const useClearDay = () =>
  useScheduleMutation(({ channelId, day }: { channelId: number; day: string }) =>
    unwrap(
      api.PUT('/api/v1/admin/schedule/{channel_id}/days/{date}', {
        params: { path: { channel_id: channelId, date: day } },
        body: { items: [] },
      }),
    ),
  );

// One day's programmes onto other days, a replace-day call each (each all or nothing);
// stops at the first day the API refuses, so the message names it.
export const useCopyDay = () =>
  useScheduleMutation(
    async ({ channelId, copies }: { channelId: number; copies: { day: string; items: DayProgramme[] }[] }) => {
      for (const { day, items } of copies) {
        await unwrap(
          api.PUT('/api/v1/admin/schedule/{channel_id}/days/{date}', {
            params: { path: { channel_id: channelId, date: day } },
            body: { items },
          }),
        );
      }
    },
  );
