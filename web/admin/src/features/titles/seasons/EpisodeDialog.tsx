import type { Episode, EpisodeUpdate, SeasonWithEpisodes } from '@kinora/shared';
import { Button, Dialog, TextField } from '@kinora/shared/ui';
import { useState } from 'react';

import { FormError, TextAreaField } from '../../../ui/fields';
import { formErrors } from '../../../ui/formErrors';
import { changedFields, fromNumber, toNumber } from '../../../ui/formValues';
import { useFocusFirstError } from '../../../ui/useFocusFirstError';
import { useCreateEpisode, useUpdateEpisode } from '../queries';

const FIELDS = ['number', 'title', 'synopsis', 'runtime_minutes'] as const;

// Add an episode to a season, or change one.
export function EpisodeDialog({
  titleId,
  season,
  episode,
  defaultRuntime,
  onClose,
}: {
  titleId: number;
  season: SeasonWithEpisodes;
  episode?: Episode;
  defaultRuntime: number;
  onClose: () => void;
}) {
  const next = Math.max(0, ...season.episodes.map((e) => e.number)) + 1;
  const [number, setNumber] = useState(fromNumber(episode?.number ?? next));
  const [title, setTitle] = useState(episode?.title ?? '');
  const [synopsis, setSynopsis] = useState(episode?.synopsis ?? '');
  const [runtime, setRuntime] = useState(fromNumber(episode?.runtime_minutes ?? defaultRuntime));
  const create = useCreateEpisode(titleId);
  const update = useUpdateEpisode(titleId);
  const mutation = episode ? update : create;
  const { fields, form } = formErrors(mutation.error, { fields: FIELDS, kinds: { duplicate: 'number' } });

  const submit = () => {
    // An emptied number box goes as null so that the server names the field.
    const body = {
      number: toNumber(number) ?? (null as unknown as number),
      title: title.trim(),
      synopsis: synopsis.trim(),
      runtime_minutes: toNumber(runtime) ?? (null as unknown as number),
    };
    // Only what changed (the generated type marks synopsis required for its default).
    if (episode)
      update.mutate({ id: episode.id, body: changedFields(episode, body) as EpisodeUpdate }, { onSuccess: onClose });
    else create.mutate({ seasonId: season.id, body }, { onSuccess: onClose });
  };

  const formRef = useFocusFirstError(mutation.error);
  return (
    <Dialog
      open
      onClose={onClose}
      title={episode ? `Edit episode ${episode.number} of ${season.name}` : `Add an episode to ${season.name}`}
    >
      <form
        ref={formRef}
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="grid grid-cols-2 gap-4">
          <TextField
            label="Episode number"
            type="number"
            inputMode="numeric"
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            error={fields.number}
          />
          <TextField
            label="Runtime (minutes)"
            type="number"
            inputMode="numeric"
            value={runtime}
            onChange={(e) => setRuntime(e.target.value)}
            error={fields.runtime_minutes}
          />
        </div>
        <TextField
          label="Episode title"
          autoFocus
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={fields.title}
          maxLength={200}
        />
        <TextAreaField
          label="Episode synopsis"
          value={synopsis}
          onChange={(e) => setSynopsis(e.target.value)}
          error={fields.synopsis}
          rows={3}
        />
        <FormError message={form} />
        <div className="flex justify-end gap-3">
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" busy={mutation.isPending}>
            {episode ? 'Save episode' : 'Add episode'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
