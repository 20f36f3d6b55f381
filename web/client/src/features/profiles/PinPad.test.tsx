import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { PinPad } from './PinPad';

function setup(error: string | null = null) {
  const onSubmit = vi.fn();
  const view = render(
    <PinPad profileName="Partner" busy={false} error={error} onSubmit={onSubmit} onCancel={() => {}} />,
  );
  return { onSubmit, view };
}

describe('PinPad', () => {
  it('submits once the fourth digit is typed, ignoring anything but digits', async () => {
    const { onSubmit } = setup();
    const input = screen.getByLabelText('PIN for Partner');
    expect(input).toHaveFocus();
    await userEvent.keyboard('1a2-3');
    expect(onSubmit).not.toHaveBeenCalled();
    await userEvent.keyboard('4');
    expect(onSubmit).toHaveBeenCalledWith('1234');
  });

  it('takes digits from the on-screen keypad, with delete', async () => {
    const { onSubmit } = setup();
    for (const key of ['9', '8', '7']) await userEvent.click(screen.getByRole('button', { name: key }));
    await userEvent.click(screen.getByRole('button', { name: 'Delete last digit' }));
    expect(screen.getByLabelText('PIN for Partner')).toHaveValue('98');
    // typed while a keypad button has focus still counts
    await userEvent.keyboard('65');
    expect(onSubmit).toHaveBeenCalledWith('9865');
  });

  it('empties the field and shows the message after a wrong PIN', async () => {
    const { view } = setup();
    await userEvent.keyboard('12');
    view.rerender(
      <PinPad
        profileName="Partner"
        busy={false}
        error="That PIN is not right."
        onSubmit={() => {}}
        onCancel={() => {}}
      />,
    );
    expect(screen.getByLabelText('PIN for Partner')).toHaveValue('');
    expect(screen.getByRole('alert')).toHaveTextContent('That PIN is not right.');
  });
});
