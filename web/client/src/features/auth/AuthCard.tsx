import type { ReactNode } from 'react';

// The frame of the signed-out pages: the brand over one centred card.
export function AuthCard({ title, children, footer }: { title: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-6 bg-gradient-to-b from-neutral-900 to-neutral-950 p-4">
      <p className="text-3xl font-black tracking-tight text-brand-500">Kinora</p>
      <section className="w-full max-w-md rounded-xl bg-neutral-900/90 p-6 shadow-2xl ring-1 ring-white/10 sm:p-8">
        <h1 className="mb-6 text-2xl font-bold text-white">{title}</h1>
        {children}
      </section>
      {footer && <div className="text-sm text-neutral-300">{footer}</div>}
    </main>
  );
}
