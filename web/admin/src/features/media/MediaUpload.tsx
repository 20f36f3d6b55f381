import type { TitleDetail } from '@kinora/shared';
import { Button } from '@kinora/shared/ui';
import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';

import { FormError, SelectField } from '../../ui/fields';
import { formErrors } from '../../ui/formErrors';
import { ProgressBar } from '../../ui/ProgressBar';
import { MediaJobStatus } from './MediaJobStatus';
import { uploadMedia } from './queries';
import type { UploadProgress } from './uploadWithProgress';

// Upload a source video for a movie, a series or one of its episodes, with the bytes-sent
// progress, then follow the packaging job. The job id stays in the URL (?job=), so a reload
// keeps following it.
export function MediaUpload({ title }: { title: TitleDetail }) {
  const episodes = (title.seasons ?? []).flatMap((s) =>
    s.episodes.map((e) => ({ value: String(e.id), label: `S${s.number} E${e.number} · ${e.title}` })),
  );
  const targets = [
    { value: '0', label: title.type === 'movie' ? 'The movie' : 'The series itself (not an episode)' },
    ...episodes,
  ];
  const [target, setTarget] = useState(episodes[0]?.value ?? '0');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job');
  const controller = useRef<AbortController | null>(null);
  const fileId = useId();

  const upload = useMutation({
    mutationFn: (vars: { titleId: number; episodeId: number; file: File }) => {
      controller.current = new AbortController();
      setProgress({ loaded: 0, total: vars.file.size });
      return uploadMedia(vars, setProgress, controller.current.signal);
    },
    onSuccess: (job) =>
      setParams(
        (p) => {
          p.set('job', job.id);
          return p;
        },
        { replace: true },
      ),
  });
  const cancelled = upload.error instanceof DOMException && upload.error.name === 'AbortError';
  const { form } = formErrors(cancelled ? null : upload.error, { fields: [] });
  const percent = progress && progress.total ? (progress.loaded / progress.total) * 100 : 0;
  const effectiveTarget = targets.some((t) => t.value === target) ? target : '0';

  return (
    <div className="flex flex-col gap-4">
      <form
        aria-label="Upload a video"
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (file) upload.mutate({ titleId: title.id, episodeId: Number(effectiveTarget), file });
        }}
      >
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <SelectField
            label="Video for"
            options={targets}
            value={effectiveTarget}
            onChange={(e) => setTarget(e.target.value)}
            disabled={upload.isPending}
            hint={title.type === 'series' ? 'Series play per episode.' : undefined}
          />
          <div className="flex flex-col gap-1">
            <label htmlFor={fileId} className="text-sm font-medium text-neutral-200">
              Video file
            </label>
            <input
              id={fileId}
              type="file"
              accept="video/*"
              disabled={upload.isPending}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              className="focus-ring rounded-md border border-neutral-600 bg-neutral-900 px-3 py-2 text-sm text-neutral-200 file:mr-3 file:rounded file:border-0 file:bg-neutral-700 file:px-3 file:py-1 file:text-white"
            />
          </div>
        </div>
        <p className="text-sm text-neutral-300">
          Kinora packages it for streaming (240p to 720p, encrypted HLS) and replaces what played before.
        </p>
        <div className="flex gap-3">
          <Button type="submit" disabled={!file} busy={upload.isPending}>
            Upload video
          </Button>
          {upload.isPending && (
            <Button variant="ghost" onClick={() => controller.current?.abort()}>
              Cancel upload
            </Button>
          )}
        </div>
      </form>
      {progress && (upload.isPending || upload.isSuccess) && (
        <ProgressBar label={`Uploading ${file?.name ?? 'the video'}`} value={upload.isSuccess ? 100 : percent} />
      )}
      {cancelled && (
        <p role="status" className="text-sm text-neutral-300">
          The upload was cancelled.
        </p>
      )}
      <FormError message={form} />
      {jobId && <MediaJobStatus key={jobId} id={jobId} title={title} />}
    </div>
  );
}
