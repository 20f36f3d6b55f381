import { Button } from '@kinora/shared/ui';
import { useEffect, useRef, useState } from 'react';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'] as const;

// Four digits, from a keyboard or from the on-screen pad (TV remotes, touch). The fourth
// digit submits; a wrong PIN (a new `error`) empties the field for another try.
export function PinPad({
  profileName,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  profileName: string;
  busy: boolean;
  error: string | null;
  onSubmit: (pin: string) => void;
  onCancel: () => void;
}) {
  const [pin, setPin] = useState('');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    setPin('');
    input.current?.focus();
  }, [error]);

  const update = (value: string) => {
    const digits = value.replace(/\D/g, '').slice(0, 4);
    setPin(digits);
    if (digits.length === 4 && !busy) onSubmit(digits);
  };
  const press = (key: (typeof KEYS)[number]) => {
    if (key === 'clear') update('');
    else if (key === 'back') update(pin.slice(0, -1));
    else update(pin + key);
  };

  return (
    <div
      className="flex flex-col items-center gap-4"
      onKeyDown={(e) => {
        // Digits typed while a pad button has focus still count.
        if (e.target !== input.current && /^\d$/.test(e.key)) {
          e.preventDefault();
          update(pin + e.key);
        }
      }}
    >
      <label htmlFor="profile-pin" className="text-lg text-neutral-200">
        PIN for {profileName}
      </label>
      <input
        ref={input}
        id="profile-pin"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={4}
        value={pin}
        disabled={busy}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'profile-pin-error' : undefined}
        onChange={(e) => update(e.target.value)}
        className="focus-ring w-48 rounded-lg border border-neutral-600 bg-neutral-900 py-3 text-center text-3xl tracking-[0.6em] text-white"
      />
      <p id="profile-pin-error" role="alert" className="min-h-5 text-sm text-red-300">
        {error}
      </p>
      <div className="grid grid-cols-3 gap-2" aria-label="Keypad" role="group">
        {KEYS.map((key) => (
          <button
            key={key}
            type="button"
            disabled={busy}
            onClick={() => press(key)}
            aria-label={key === 'back' ? 'Delete last digit' : key === 'clear' ? 'Clear' : key}
            className="focus-ring h-14 w-16 rounded-lg bg-neutral-800 text-xl font-semibold text-white hover:bg-neutral-700 disabled:opacity-50"
          >
            {key === 'back' ? '⌫' : key === 'clear' ? 'C' : key}
          </button>
        ))}
      </div>
      <Button variant="ghost" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  );
}
