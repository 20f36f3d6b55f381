import { describeError, isApiError, safeNext, session, signIn, useSessionState } from '@kinora/shared';
import { Button, TextField } from '@kinora/shared/ui';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, useSearchParams } from 'react-router-dom';

export default function SignInPage() {
  const [params] = useSearchParams();
  const state = useSessionState(session);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({ mutationFn: () => signIn({ email, password }) });

  if (state.status === 'signed-in') return <Navigate to={safeNext(params.get('next'))} replace />;
  const fieldErrors = isApiError(login.error) ? login.error.fieldErrors : {};
  const formError = login.error && !Object.keys(fieldErrors).length ? describeError(login.error) : null;

  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <form
        className="w-full max-w-sm space-y-4 rounded-xl bg-neutral-900 p-8"
        onSubmit={(e) => {
          e.preventDefault();
          login.mutate();
        }}
      >
        <h1 className="text-2xl font-bold text-white">Kinora admin</h1>
        {params.get('reason') === 'expired' && (
          <p className="text-sm text-amber-300">Your session ended. Sign in again to carry on.</p>
        )}
        <TextField
          label="Email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldErrors.email}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldErrors.password}
        />
        {formError && (
          <p role="alert" className="text-sm text-red-300">
            {formError.detail}
          </p>
        )}
        <Button type="submit" className="w-full" busy={login.isPending}>
          Sign in
        </Button>
      </form>
    </main>
  );
}
