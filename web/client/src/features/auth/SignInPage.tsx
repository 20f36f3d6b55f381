import { isApiError, safeNext, session, signIn, useSessionState } from '@kinora/shared';
import { Button, TextField } from '@kinora/shared/ui';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';

import { profileChoice } from '../../app/profileChoice';
import { AuthCard } from './AuthCard';
import { destinationAfterSignIn } from './destination';
import { FormError } from './FormError';
import { useCooldown } from './useCooldown';

export default function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const state = useSessionState(session);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const next = params.get('next');
  const login = useMutation({
    mutationFn: () => {
      profileChoice.forget();
      return signIn({ email: email.trim(), password });
    },
    onSuccess: (grant) => navigate(destinationAfterSignIn(grant, next), { replace: true }),
  });
  const cooldown = useCooldown(login.error);

  // Already signed in (a reload of /signin, or the back button): carry on.
  if (state.status === 'signed-in' && login.isIdle) {
    const chosen = profileChoice.isChosen(state.profile.id);
    return (
      <Navigate to={chosen ? safeNext(next) : `/profiles?${new URLSearchParams({ next: safeNext(next) })}`} replace />
    );
  }
  const fieldErrors = isApiError(login.error) ? login.error.fieldErrors : {};
  const signupLink = `/signup${next ? `?${new URLSearchParams({ next })}` : ''}`;

  return (
    <AuthCard
      title="Sign in"
      footer={
        <>
          New to Kinora?{' '}
          <Link to={signupLink} className="focus-ring rounded font-semibold text-white underline">
            Create an account
          </Link>
        </>
      }
    >
      <form
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (!cooldown) login.mutate();
        }}
      >
        {params.get('reason') === 'disabled' && (
          <p role="status" className="rounded-md bg-red-950/60 px-3 py-2 text-sm text-red-200 ring-1 ring-red-800">
            This account is disabled, so what was playing has stopped. Contact support to use it again.
          </p>
        )}
        {params.get('reason') === 'expired' && (
          <p
            role="status"
            className="rounded-md bg-amber-950/60 px-3 py-2 text-sm text-amber-200 ring-1 ring-amber-800"
          >
            Your session has ended. Sign in again to carry on where you were.
          </p>
        )}
        <TextField
          label="Email"
          type="email"
          autoComplete="username"
          inputMode="email"
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
          autoComplete="current-password"
          required
          maxLength={128}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldErrors.password}
        />
        <FormError error={login.error} cooldown={cooldown} />
        <Button type="submit" className="w-full py-3 text-base" busy={login.isPending} disabled={cooldown > 0}>
          Sign in
        </Button>
      </form>
    </AuthCard>
  );
}
