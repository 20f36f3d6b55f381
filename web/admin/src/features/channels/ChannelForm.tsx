import { Button, TextField } from '@kinora/shared/ui';
import { useState } from 'react';

import { FormError, SelectField, TextAreaField } from '../../ui/fields';
import { formErrors } from '../../ui/formErrors';
import { RATINGS, TIERS } from '../../ui/options';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { CHANNEL_FIELDS, type ChannelFormValues } from './channelForm';

// Every field of ChannelCreate / ChannelUpdate; a taken number, slug or XMLTV id (409)
// shows at that field, as the server's errors[] names it.
export function ChannelForm({
  initial,
  submitLabel,
  busy,
  error,
  onSubmit,
}: {
  initial: ChannelFormValues;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (v: ChannelFormValues) => void;
}) {
  const [v, setV] = useState(initial);
  const text = (key: keyof ChannelFormValues) => (e: { target: { value: string } }) =>
    setV((old) => ({ ...old, [key]: e.target.value }));
  const { fields: errors, form } = formErrors(error, { fields: CHANNEL_FIELDS, kinds: { duplicate: 'number' } });

  const formRef = useFocusFirstError(error);
  return (
    <form
      ref={formRef}
      noValidate
      aria-label="Channel details"
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(v);
      }}
    >
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <TextField
          label="Number"
          type="number"
          inputMode="numeric"
          value={v.number}
          onChange={text('number')}
          error={errors.number}
          hint="1 to 99999; unique."
        />
        <TextField label="Name" value={v.name} onChange={text('name')} error={errors.name} maxLength={100} />
        <TextField
          label="Slug"
          value={v.slug}
          onChange={text('slug')}
          error={errors.slug}
          hint="a-z, 0-9 and '-'; made from the name when left empty."
          maxLength={120}
        />
        <TextField
          label="Category"
          value={v.category}
          onChange={text('category')}
          error={errors.category}
          hint="e.g. news, sports, kids."
          maxLength={64}
        />
        <SelectField label="Tier" options={TIERS} value={v.tier} onChange={text('tier')} error={errors.tier} />
        <SelectField
          label="Maturity rating"
          options={RATINGS}
          value={v.maturity_rating}
          onChange={text('maturity_rating')}
          error={errors.maturity_rating}
        />
        <TextField
          label="XMLTV id"
          value={v.xmltv_id}
          onChange={text('xmltv_id')}
          error={errors.xmltv_id}
          hint="Letters, digits and - . _ @; imports match the channel by it. Empty clears it."
          maxLength={200}
        />
      </div>
      <TextAreaField
        label="Description"
        value={v.description}
        onChange={text('description')}
        error={errors.description}
        rows={3}
      />
      <FormError message={form} />
      <div>
        <Button type="submit" busy={busy}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
