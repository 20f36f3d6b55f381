// The service panel names the encoder's kernels, and says so when they are slower than
// the CPU can run (an old OpenBLAS, or KINORA_DENSE_KERNELS capping them).
import { createQueryClient, type Readiness } from '@kinora/shared';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const { get } = vi.hoisted(() => ({ get: vi.fn() }));
vi.mock('@kinora/shared', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@kinora/shared')>();
  return { ...actual, api: { ...actual.api, GET: get } };
});

import { ServiceHealth } from './ServiceHealth';

const readiness = (kernels: Partial<NonNullable<Readiness['encoder']>['kernels']>): Readiness => ({
  status: 'ready',
  time: '2026-12-07T17:00:00Z',
  database: {
    backend: 'sqlite',
    url: 'sqlite:var/kinora.db',
    reachable: true,
    latency_ms: 0.2,
    pool: { open: 1, in_use: 0, capacity: 8 },
  },
  encoder: {
    loaded: true,
    model: 'all-MiniLM-L6-v2',
    embedded_titles: 70,
    kernels: {
      dense: 'AVX-512',
      blas: 'SkylakeX',
      blas_instruction_set: 'AVX-512',
      instruction_set: 'AVX-512',
      cpu: 'AVX-512',
      slow_fallback: false,
      ...kernels,
    },
  },
});

const show = (ready: Readiness) => {
  get.mockResolvedValue({ data: ready, response: new Response(null, { status: 200 }) });
  render(
    <QueryClientProvider client={createQueryClient()}>
      <ServiceHealth />
    </QueryClientProvider>,
  );
};

describe('ServiceHealth', () => {
  beforeEach(() => get.mockReset());

  it('names both kernel sets and the CPU', async () => {
    show(readiness({}));
    expect(
      await screen.findByText('Kinora AVX-512 dense layers · OpenBLAS SkylakeX (AVX-512) attention · AVX-512 CPU'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Slower than this CPU can run/)).not.toBeInTheDocument();
  });

  it('warns when the kernels are a class below the CPU', async () => {
    show(readiness({ dense: 'AVX2', instruction_set: 'AVX2', slow_fallback: true }));
    expect(await screen.findByText(/Slower than this CPU can run/)).toBeInTheDocument();
    expect(screen.getByText(/^Kinora AVX2 dense layers/)).toHaveClass('text-amber-300');
  });
});
