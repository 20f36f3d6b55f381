import { api, describeError, unwrap } from '@kinora/shared';
import { Button } from '@kinora/shared/ui';
import { useMutation } from '@tanstack/react-query';

import { Section } from '../../ui/PageHeader';

// The exports need the admin's access token, which a plain link cannot carry: fetch the
// file through the API client, then hand it to the browser as a download.
function saveAs(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const EXPORTS = {
  xmltv: {
    label: 'Download XMLTV guide',
    file: 'kinora-guide.xml',
    fetch: () => unwrap(api.GET('/api/v1/epg/xmltv', { parseAs: 'blob' })),
  },
  m3u: {
    label: 'Download M3U line-up',
    file: 'kinora-channels.m3u',
    fetch: () => unwrap(api.GET('/api/v1/epg/playlist.m3u', { parseAs: 'blob' })),
  },
} as const;

export function ExportCard() {
  const download = useMutation({
    mutationFn: async (kind: keyof typeof EXPORTS) => saveAs((await EXPORTS[kind].fetch()) as Blob, EXPORTS[kind].file),
  });
  return (
    <Section title="Export">
      <p className="mb-4 text-sm text-neutral-300">
        Every channel and its programmes from now on, as other guide tools and IPTV players read them.
      </p>
      <div className="flex flex-wrap gap-3">
        {(Object.keys(EXPORTS) as (keyof typeof EXPORTS)[]).map((kind) => (
          <Button
            key={kind}
            variant="secondary"
            busy={download.isPending && download.variables === kind}
            onClick={() => download.mutate(kind)}
          >
            {EXPORTS[kind].label}
          </Button>
        ))}
      </div>
      {download.error && (
        <p role="alert" className="mt-3 text-sm text-red-300">
          {describeError(download.error).detail}
        </p>
      )}
    </Section>
  );
}
