import { ApiError } from '@kinora/shared';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { ProfileForm } from './ProfileForm';

const problem = (type: string, status: number, errors?: { field: string; message: string }[]) =>
  new ApiError(status, {
    type: `urn:kinora:problem:${type}`,
    title: 'x',
    status,
    detail: 'Refused.',
    instance: '/',
    errors,
  });

describe('ProfileForm', () => {
  it('offers a kids profile ratings up to 13+ only, and sends 7+ when a higher one was picked', async () => {
    const onSubmit = vi.fn();
    render(<ProfileForm busy={false} error={null} onSubmit={onSubmit} onCancel={() => {}} />);
    await userEvent.type(screen.getByLabelText('Name'), ' Sam ');
    expect(screen.getByRole('option', { name: /18\+/ })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: /kids profile/i }));
    expect(screen.queryByRole('option', { name: /18\+/ })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Add profile' }));
    expect(onSubmit).toHaveBeenCalledWith({ name: 'Sam', kids: true, maturity_ceiling: '7+' });
  });

  it('shows the server errors at their fields, and a taken name at the name', () => {
    const { rerender } = render(
      <ProfileForm
        busy={false}
        error={problem('validation', 422, [{ field: 'pin', message: 'must be 4 digits' }])}
        onSubmit={() => {}}
        onCancel={() => {}}
      />,
    );
    expect(screen.getByLabelText('PIN')).toHaveAccessibleDescription('Must be 4 digits.');
    rerender(
      <ProfileForm busy={false} error={problem('profile-name-taken', 409)} onSubmit={() => {}} onCancel={() => {}} />,
    );
    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('Another profile has this name.');
  });

  it('removes a PIN only when asked, and keeps it when the field stays empty', async () => {
    const onSubmit = vi.fn();
    const profile = {
      id: 3,
      name: 'Partner',
      kids: false,
      maturity_ceiling: '16+' as const,
      has_pin: true,
      created_at: '2026-01-01T00:00:00Z',
    };
    render(<ProfileForm profile={profile} busy={false} error={null} onSubmit={onSubmit} onCancel={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).toHaveBeenLastCalledWith({ name: 'Partner', kids: false, maturity_ceiling: '16+' });
    await userEvent.click(screen.getByRole('checkbox', { name: 'Remove the PIN' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).toHaveBeenLastCalledWith({ name: 'Partner', kids: false, maturity_ceiling: '16+', pin: null });
  });
});
