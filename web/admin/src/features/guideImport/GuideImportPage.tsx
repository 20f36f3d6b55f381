import type { M3uImportReport, XmltvImportReport } from '@kinora/shared';
import { Link } from 'react-router-dom';

import { PageHeader } from '../../ui/PageHeader';
import { ExportCard } from './ExportCard';
import { Counts, ImportCard } from './ImportCard';
import { useImportPlaylist, useImportXmltv } from './queries';

function XmltvReport({ r }: { r: XmltvImportReport }) {
  return (
    <>
      <Counts
        heading="The guide was imported."
        rows={[
          ['Channels matched by XMLTV id', r.channels_matched],
          ['Channels created', r.channels_created],
          ['Programmes created', r.programmes_created],
          ['Programmes updated', r.programmes_updated],
          ['Earlier programmes replaced', r.programmes_replaced],
          ['Programmes skipped', r.programmes_skipped],
        ]}
      />
      {r.programmes_skipped > 0 && (
        <p className="mt-2 text-sm text-amber-300">
          {r.programmes_skipped} programmes had no stop time, a stop not after their start, or no title.
        </p>
      )}
      {r.channels_created > 0 && <NewChannelsNote />}
    </>
  );
}

function M3uReport({ r }: { r: M3uImportReport }) {
  return (
    <>
      <Counts
        heading="The line-up was imported."
        rows={[
          ['Channels matched', r.channels_matched],
          ['… by tvg-id', r.matched_by.tvg_id],
          ['… by number', r.matched_by.tvg_chno],
          ['… by name', r.matched_by.name],
          ['Matched channels given a missing id, logo or category', r.channels_updated],
          ['Channels created', r.channels_created],
          ['Entries skipped', r.channels_skipped],
        ]}
      />
      {r.channels_skipped > 0 && (
        <p className="mt-2 text-sm text-amber-300">
          Skipped: {r.skipped.no_name} without a name, {r.skipped.no_url} without a URL, {r.skipped.duplicate} naming a
          channel already imported.
        </p>
      )}
      {r.channels_created > 0 && <NewChannelsNote />}
    </>
  );
}

function NewChannelsNote() {
  return (
    <p className="mt-2 text-sm text-amber-300">
      New channels start at tier premium and rating 18+;{' '}
      <Link to="/channels" className="focus-ring rounded underline">
        open them up in Channels
      </Link>
      .
    </p>
  );
}

export default function GuideImportPage() {
  const xmltv = useImportXmltv();
  const playlist = useImportPlaylist();
  return (
    <>
      <PageHeader title="Guide import and export" />
      <div className="flex flex-col gap-6">
        <ImportCard
          title="XMLTV guide"
          description="Channels match by XMLTV id; a programme with the same channel and start is updated, and ones it overlaps are replaced. All or nothing."
          fileLabel="XMLTV file"
          accept=".xml,text/xml,application/xml"
          buttonLabel="Import guide"
          run={(f) => xmltv.mutate(f)}
          busy={xmltv.isPending}
          error={xmltv.error}
          report={xmltv.data}
          renderReport={(r) => <XmltvReport r={r} />}
        />
        <ImportCard
          title="M3U line-up"
          description="Entries match a channel by tvg-id, then number, then exact name; a matched channel only gets what it lacks. All or nothing."
          fileLabel="M3U playlist"
          accept=".m3u,.m3u8,audio/x-mpegurl,application/x-mpegurl,application/vnd.apple.mpegurl,text/plain"
          buttonLabel="Import line-up"
          run={(f) => playlist.mutate(f)}
          busy={playlist.isPending}
          error={playlist.error}
          report={playlist.data}
          renderReport={(r) => <M3uReport r={r} />}
        />
        <ExportCard />
      </div>
    </>
  );
}
