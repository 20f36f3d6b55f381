import type { SeasonWithEpisodes } from '@kinora/shared';
import { Button, Dialog, TextField } from '@kinora/shared/ui';
import { useState } from 'react';

import { FormError } from '../../../ui/fields';
import { formErrors } from '../../../ui/formErrors';
import { changedFields, fromNumber, toNumber } from '../../../ui/formValues';
import { useFocusFirstError } from '../../../ui/useFocusFirstError';
import { useCreateSeason, useUpdateSeason } from '../queries';

// Add a season (season = undefined) or change one's number and name.
export function SeasonDialog({
  titleId,
  season,
  nextNumber,
  onClose,
}: {
  titleId: number;
  season?: SeasonWithEpisodes;
  nextNumber: number;
  onClose: () => void;
}) {
  const [number, setNumber] = useState(fromNumber(season?.number ?? nextNumber));
  const [name, setName] = useState(season?.name ?? '');
  const create = useCreateSeason(titleId);
  const update = useUpdateSeason(titleId);
  const mutation = season ? update : create;
  const { fields, form } = formErrors(mutation.error, { fields: ['number', 'name'], kinds: { duplicate: 'number' } });

  const submit = () => {
    const body = { number: toNumber(number) ?? (null as unknown as number), name: name.trim() || undefined };
    if (season) update.mutate({ id: season.id, body: changedFields(season, body) }, { onSuccess: onClose });
    else create.mutate(body, { onSuccess: onClose });
  };

  const formRef = useFocusFirstError(mutation.error);
  return (
    <Dialog open onClose={onClose} title={season ? `Edit season ${season.number}` : 'Add a season'}>
      <form
        ref={formRef}
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <TextField
          label="Season number"
          type="number"
          inputMode="numeric"
          autoFocus
          value={number}
          onChange={(e) => setNumber(e.target.value)}
          error={fields.number}
          hint="0 for specials."
        />
        <TextField
          label="Season name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fields.name}
          hint={season ? undefined : 'Optional: “Season <number>” when left empty.'}
          maxLength={200}
        />
        <FormError message={form} />
        <div className="flex justify-end gap-3">
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" busy={mutation.isPending}>
            {season ? 'Save season' : 'Add season'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
