import { isApiError, signUp, type Tier } from '@kinora/shared';
import { Button, TextField } from '@kinora/shared/ui';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';

import { profileChoice } from '../../app/profileChoice';
import { AuthCard } from './AuthCard';
import { destinationAfterSignIn } from './destination';
import { FormError } from './FormError';
import { PlanPicker } from './PlanPicker';
import { useCooldown } from './useCooldown';

export default function SignUpPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [profileName, setProfileName] = useState('');
  const [tier, setTier] = useState<Tier>('standard');
  const next = params.get('next');
  const register = useMutation({
    mutationFn: () => {
      profileChoice.forget();
      return signUp({ email: email.trim(), password, tier, profile_name: profileName.trim() || undefined });
    },
    onSuccess: (grant) => navigate(destinationAfterSignIn(grant, next), { replace: true }),
  });
  const cooldown = useCooldown(register.error);
  const fieldErrors: Record<string, string> = isApiError(register.error) ? { ...register.error.fieldErrors } : {};
  if (isApiError(register.error, 'email-taken')) fieldErrors.email = 'An account with this email exists already.';

  return (
    <AuthCard
      title="Create your account"
      footer={
        <>
          Have an account?{' '}
          <Link
            to={`/signin${next ? `?${new URLSearchParams({ next })}` : ''}`}
            className="focus-ring rounded font-semibold text-white underline"
          >
            Sign in
          </Link>
        </>
      }
    >
      <form
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (!cooldown) register.mutate();
        }}
      >
        <TextField
          label="Email"
          type="email"
          autoComplete="email"
          autoFocus
          required
          maxLength={254}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldErrors.email}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          maxLength={128}
          hint="At least 8 characters."
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldErrors.password}
        />
        <TextField
          label="Your name"
          autoComplete="nickname"
          maxLength={40}
          hint="The name of your first profile. You can add up to 5."
          value={profileName}
          onChange={(e) => setProfileName(e.target.value)}
          error={fieldErrors.profile_name}
        />
        <PlanPicker value={tier} onChange={setTier} error={fieldErrors.tier} />
        <FormError error={register.error} cooldown={cooldown} />
        <Button type="submit" className="w-full py-3 text-base" busy={register.isPending} disabled={cooldown > 0}>
          Create account
        </Button>
      </form>
    </AuthCard>
  );
}
