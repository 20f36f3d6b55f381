import type { AdminChannel, Programme } from '@kinora/shared';
import { Button, Dialog, TextField } from '@kinora/shared/ui';
import { useState } from 'react';

import { FormError, SelectField, TextAreaField } from '../../ui/fields';
import { formErrors } from '../../ui/formErrors';
import { RATINGS } from '../../ui/options';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import {
  conflictOf,
  createProgrammeBody,
  PROGRAMME_FIELDS,
  programmeValues,
  updateProgrammeBody,
  type ProgrammeFormValues,
} from './programmeForm';
import { useCreateProgramme, useUpdateProgramme } from './queries';

// Add a programme to a channel, or change one. An overlap (409) is said at the start time,
// with a way to open the programme in the way.
export function ProgrammeDialog({
  channel,
  programme,
  defaults,
  onClose,
  onOpenProgramme,
}: {
  channel: AdminChannel;
  programme?: Programme;
  defaults?: Partial<Programme>;
  onClose: () => void;
  onOpenProgramme: (id: number) => void;
}) {
  const [v, setV] = useState(() => programmeValues(programme ?? defaults ?? {}));
  const create = useCreateProgramme();
  const update = useUpdateProgramme();
  const mutation = programme ? update : create;
  const { fields: errors, form } = formErrors(mutation.error, {
    fields: PROGRAMME_FIELDS,
    kinds: { 'schedule-conflict': 'start' },
  });
  const conflict = conflictOf(mutation.error);
  const text = (key: keyof ProgrammeFormValues) => (e: { target: { value: string } }) =>
    setV((old) => ({ ...old, [key]: e.target.value }));

  const submit = () => {
    if (programme) {
      const body = updateProgrammeBody(programme, v);
      if (!Object.keys(body).length) return onClose();
      update.mutate({ id: programme.id, body }, { onSuccess: onClose });
    } else create.mutate(createProgrammeBody(channel.id, v), { onSuccess: onClose });
  };

  const formRef = useFocusFirstError(mutation.error);
  return (
    <Dialog
      open
      onClose={onClose}
      title={programme ? `Edit “${programme.title}”` : `Add a programme to ${channel.name}`}
    >
      <form
        ref={formRef}
        noValidate
        className="flex max-h-[70vh] flex-col gap-4 overflow-y-auto p-1"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <TextField label="Programme title" autoFocus value={v.title} onChange={text('title')} error={errors.title} />
        <TextField
          label="Episode title (subtitle)"
          value={v.subtitle}
          onChange={text('subtitle')}
          error={errors.subtitle}
        />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <TextField
            label="Start (UTC)"
            type="datetime-local"
            value={v.start}
            onChange={text('start')}
            error={errors.start}
          />
          <TextField
            label="Stop (UTC)"
            type="datetime-local"
            value={v.stop}
            onChange={text('stop')}
            error={errors.stop}
          />
        </div>
        {conflict && (
          <div>
            <Button variant="secondary" onClick={() => onOpenProgramme(conflict.id)}>
              Open “{conflict.title}”
            </Button>
          </div>
        )}
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <TextField label="Category" value={v.category} onChange={text('category')} error={errors.category} />
          <SelectField
            label="Rating"
            options={RATINGS}
            value={v.rating}
            onChange={text('rating')}
            error={errors.rating}
          />
          <TextField
            label="Season"
            type="number"
            inputMode="numeric"
            value={v.season}
            onChange={text('season')}
            error={errors.season}
          />
          <TextField
            label="Episode"
            type="number"
            inputMode="numeric"
            value={v.episode}
            onChange={text('episode')}
            error={errors.episode}
          />
        </div>
        <TextField
          label="Catalog title id"
          type="number"
          inputMode="numeric"
          value={v.title_id}
          onChange={text('title_id')}
          error={errors.title_id}
          hint="Optional: the movie this programme shows, so viewers can watch it on demand."
        />
        <TextAreaField
          label="Description"
          value={v.description}
          onChange={text('description')}
          error={errors.description}
          rows={3}
        />
        <FormError message={form} />
        <div className="flex justify-end gap-3">
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" busy={mutation.isPending}>
            {programme ? 'Save programme' : 'Add programme'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
