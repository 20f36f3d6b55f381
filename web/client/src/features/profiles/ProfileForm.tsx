import { describeError, isApiError, type MaturityRating, type Profile, type ProfileUpdate } from '@kinora/shared';
import { Button, TextField } from '@kinora/shared/ui';
import { useState } from 'react';

const RATINGS: { value: MaturityRating; label: string }[] = [
  { value: 'all', label: 'All ages' },
  { value: '7+', label: '7+' },
  { value: '13+', label: '13+' },
  { value: '16+', label: '16+' },
  { value: '18+', label: '18+ (everything)' },
];
const KIDS_MAX = 2; // index of 13+: the highest a kids profile may see

export interface ProfileFormValues extends ProfileUpdate {
  name: string;
  kids: boolean;
  maturity_ceiling: MaturityRating;
}

// Add or edit one profile. The server's errors[] land at their fields; a taken name at the name.
export function ProfileForm({
  profile,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  profile?: Profile;
  busy: boolean;
  error: unknown;
  onSubmit: (values: ProfileFormValues) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(profile?.name ?? '');
  const [kids, setKids] = useState(profile?.kids ?? false);
  const [ceiling, setCeiling] = useState<MaturityRating>(profile?.maturity_ceiling ?? '18+');
  const [pin, setPin] = useState('');
  const [removePin, setRemovePin] = useState(false);

  const allowed = kids ? RATINGS.slice(0, KIDS_MAX + 1) : RATINGS;
  const effectiveCeiling = allowed.some((r) => r.value === ceiling) ? ceiling : '7+';
  const fieldErrors: Record<string, string> = isApiError(error) ? { ...error.fieldErrors } : {};
  if (isApiError(error, 'profile-name-taken')) fieldErrors.name = 'Another profile has this name.';
  const formError = error && !Object.keys(fieldErrors).length ? describeError(error).detail : null;

  const submit = () => {
    const values: ProfileFormValues = { name: name.trim(), kids, maturity_ceiling: effectiveCeiling };
    if (removePin) values.pin = null;
    else if (pin) values.pin = pin;
    onSubmit(values);
  };

  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <TextField
        label="Name"
        required
        maxLength={40}
        autoFocus
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={fieldErrors.name}
      />
      <label className="flex items-center gap-3 text-neutral-200">
        <input
          type="checkbox"
          checked={kids}
          onChange={(e) => setKids(e.target.checked)}
          className="focus-ring h-5 w-5 accent-brand-500"
        />
        Kids profile <span className="text-sm text-neutral-400">(titles up to 13+, no account settings)</span>
      </label>
      <div className="flex flex-col gap-1">
        <label htmlFor="profile-ceiling" className="text-sm font-medium text-neutral-200">
          Maturity rating
        </label>
        <select
          id="profile-ceiling"
          value={effectiveCeiling}
          onChange={(e) => setCeiling(e.target.value as MaturityRating)}
          className="focus-ring rounded-md border border-neutral-600 bg-neutral-900 px-3 py-2 text-white"
        >
          {allowed.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
        {fieldErrors.maturity_ceiling && <p className="text-sm text-red-400">{fieldErrors.maturity_ceiling}</p>}
      </div>
      <TextField
        label={profile?.has_pin ? 'New PIN' : 'PIN'}
        hint={profile?.has_pin ? 'Leave empty to keep the current PIN.' : 'Optional: 4 digits to lock this profile.'}
        inputMode="numeric"
        autoComplete="off"
        maxLength={4}
        disabled={removePin}
        value={pin}
        onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
        error={fieldErrors.pin}
      />
      {profile?.has_pin && (
        <label className="flex items-center gap-3 text-neutral-200">
          <input
            type="checkbox"
            checked={removePin}
            onChange={(e) => setRemovePin(e.target.checked)}
            className="focus-ring h-5 w-5 accent-brand-500"
          />
          Remove the PIN
        </label>
      )}
      {formError && (
        <p role="alert" className="text-sm text-red-300">
          {formError}
        </p>
      )}
      <div className="flex justify-end gap-3">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" busy={busy}>
          {profile ? 'Save' : 'Add profile'}
        </Button>
      </div>
    </form>
  );
}
