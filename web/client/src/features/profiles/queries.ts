import {
  api,
  selectProfile,
  session,
  unwrap,
  type Profile,
  type ProfileCreate,
  type ProfileUpdate,
} from '@kinora/shared';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

export const profileKeys = {
  all: ['profiles'] as const,
};

export const profilesQuery = () =>
  queryOptions({
    queryKey: profileKeys.all,
    queryFn: async ({ signal }) => (await unwrap(api.GET('/api/v1/auth/profiles', { signal }))).items,
  });

// Every change refreshes the list and hands it to the session, so the header menu and
// "Who's watching?" show it at once.
function useProfileMutation<V>(call: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async () => {
      const profiles = await queryClient.fetchQuery({ ...profilesQuery(), staleTime: 0 });
      session.updateProfiles(profiles);
    },
  });
}

export const useCreateProfile = () =>
  useProfileMutation((body: ProfileCreate) => unwrap(api.POST('/api/v1/auth/profiles', { body })));

export const useUpdateProfile = () =>
  useProfileMutation(({ id, body }: { id: number; body: ProfileUpdate }) =>
    unwrap(api.PATCH('/api/v1/auth/profiles/{id}', { params: { path: { id } }, body })),
  );

export const useDeleteProfile = () =>
  useProfileMutation((id: number) => unwrap(api.DELETE('/api/v1/auth/profiles/{id}', { params: { path: { id } } })));

export const useSelectProfile = () =>
  useMutation({ mutationFn: ({ profile, pin }: { profile: Profile; pin?: string }) => selectProfile(profile.id, pin) });
