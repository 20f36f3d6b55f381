import { Link, type LinkProps } from 'react-router-dom';

// A navigation that looks like an action ("New title"): a real link, so it opens in a new
// tab and reads as a link, styled like the shared primary and secondary buttons.
const STYLES = {
  primary: 'bg-white text-neutral-950 hover:bg-neutral-200',
  secondary: 'bg-neutral-700/80 text-white hover:bg-neutral-600',
} as const;

export function LinkButton({
  variant = 'primary',
  className = '',
  ...rest
}: LinkProps & { variant?: keyof typeof STYLES }) {
  return (
    <Link
      className={`focus-ring inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-semibold ${STYLES[variant]} ${className}`}
      {...rest}
    />
  );
}

export function BackLink({ to, children }: { to: string; children: string }) {
  return (
    <Link to={to} className="focus-ring self-start rounded text-sm text-neutral-300 underline hover:text-white">
      ← {children}
    </Link>
  );
}
